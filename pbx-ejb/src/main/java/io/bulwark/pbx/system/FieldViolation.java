package io.bulwark.pbx.system;

/** One wrong input field and what is wrong with it, in words an administrator understands. */
public record FieldViolation(String field, String message) {}
