package io.bulwark.pbx.routing;

/** The guide's Outbound Route Password: none, one PIN, or the PINs of a PIN list. */
public enum PinMode {
  NONE,
  SINGLE,
  LIST
}
