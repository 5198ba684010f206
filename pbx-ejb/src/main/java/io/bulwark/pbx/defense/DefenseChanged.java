package io.bulwark.pbx.defense;

/** Blocks, rules or settings changed; {@link DefenseTable} reloads once the change committed. */
public record DefenseChanged() {}
