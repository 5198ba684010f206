package io.bulwark.pbx.identity;

/** An API client was issued, changed or revoked; observed once the change commits. */
public record ApiClientsChanged() {}
