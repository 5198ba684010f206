package io.bulwark.pbx.defense;

/** Blocked IPs changed; {@link BlockTable} reloads once the change has committed. */
public record BlocksChanged() {}
