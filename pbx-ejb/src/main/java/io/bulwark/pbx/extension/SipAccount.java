package io.bulwark.pbx.extension;

/** An extension as a phone registers: its number, name, authentication name and password. */
public record SipAccount(String number, String displayName, String authName, String password) {

  @Override
  public String toString() {
    return "SipAccount[" + number + "]";
  }
}
