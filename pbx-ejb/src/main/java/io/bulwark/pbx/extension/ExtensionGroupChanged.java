package io.bulwark.pbx.extension;

/** An extension group was created, changed or deleted: the routes that list it read it again. */
public record ExtensionGroupChanged(long id) {}
