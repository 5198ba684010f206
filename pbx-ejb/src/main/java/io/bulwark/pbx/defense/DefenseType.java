package io.bulwark.pbx.defense;

import io.bulwark.pbx.event.EventType;

/** Which line of defense blocked a source, as the Blocked IPs list shows it. */
public enum DefenseType {
  /** An administrator blocked it by hand. */
  MANUAL,
  /** A static defense rule with the action Drop or Reject. */
  STATIC_DEFENSE,
  /** It sent more packets or requests than an auto defense rule allows. */
  AUTO_DEFENSE,
  /** Too many failed registrations or calls from it (account lockout). */
  REGISTRATION_LOCKOUT,
  /** Its user agent is a known scanner's. */
  SCANNER,
  /** It registered to or called a decoy extension. */
  DECOY,
  /** Too many failed logins to the portal or the API from it (account lockout). */
  WEB_LOGIN;

  /** The name people read: "Auto defense" for {@code AUTO_DEFENSE}. */
  public String getLabel() {
    return EventType.sentence(name());
  }
}
