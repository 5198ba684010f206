package io.bulwark.pbx.callpolicy;

/** Fired when what the call policy reads changed; the chain is made again after the commit. */
public record CallPolicyChanged() {}
