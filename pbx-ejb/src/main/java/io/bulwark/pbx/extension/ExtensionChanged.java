package io.bulwark.pbx.extension;

/**
 * Fired when an extension was created, changed or deleted, so that in-memory copies follow.
 *
 * @param previousRegistrationName the name it had before the change; {@code null} when created
 */
public record ExtensionChanged(long extensionId, String previousRegistrationName) {}
