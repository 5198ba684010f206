package io.bulwark.pbx.extension;

/** Fired after an extension's credentials may have changed, so cached ones are dropped. */
public record ExtensionChanged(String registrationName) {}
