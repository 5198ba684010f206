package io.bulwark.pbx.trunk;

/** How a trunk and its provider recognise each other. */
public enum TrunkKind {
  /** Bulwark registers to the provider with digest credentials and keeps the registration fresh. */
  REGISTER,
  /** The provider sends from a known address and is recognised by it; nobody registers. */
  PEER
}
