package io.bulwark.pbx.cdr;

/**
 * Who ended a call: one of its parties, or Bulwark itself (an administrator, a rule, a restart).
 */
public enum HangupSide {
  CALLER,
  CALLEE,
  SYSTEM;

  public String getLabel() {
    return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
  }
}
