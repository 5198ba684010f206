package io.bulwark.pbx.trunk;

/**
 * Fired when a trunk was created, changed or deleted, so that in-memory copies follow and the
 * registration client can register again, or stop.
 */
public record TrunkChanged(long trunkId, String name, boolean deleted) {}
