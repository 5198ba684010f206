package io.bulwark.pbx.routing;

/** Fired when an inbound or outbound route was created, changed, moved or deleted. */
public record RoutesChanged() {}
