package io.bulwark.pbx.extension;

/**
 * Fired when an extension was created, changed or deleted, so that in-memory copies follow.
 *
 * @param number the extension number, which never changes
 * @param previousRegistrationName the name it had before the change; {@code null} when created
 * @param deleted whether the extension is gone
 */
public record ExtensionChanged(
    long extensionId, String number, String previousRegistrationName, boolean deleted) {}
