package io.bulwark.pbx.system;

/**
 * The media relay is about to start again and forget its sessions: calls up lose their audio, so
 * they are ended first. Fired synchronously; observers return once the calls are over.
 */
public record MediaRelayRestarting(String cause) {}
