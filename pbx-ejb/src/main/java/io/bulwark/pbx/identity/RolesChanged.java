package io.bulwark.pbx.identity;

/** A custom role was created, changed or deleted; observed once the change commits. */
public record RolesChanged() {}
