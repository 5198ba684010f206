package io.bulwark.pbx.identity;

import io.bulwark.pbx.event.EventType;

/**
 * The parts of the portal and the API a role is given access to, one per group of the menu. Every
 * portal page and every REST resource belongs to exactly one; the dashboard belongs to none and
 * every signed-in user sees it.
 */
public enum Area {
  /** Extensions, extension groups, registrations. */
  EXTENSIONS,
  /** Trunks. */
  TRUNKS,
  /** Inbound and outbound routes, business hours, PIN lists. */
  CALL_CONTROL,
  /** Blocked numbers, call security, outbound call frequency, allowed country codes. */
  CALL_SECURITY,
  /** Security overview, static and auto defense, allowed access, blocked IPs, login lockout. */
  SECURITY,
  /** Active calls and the call log. */
  CALL_LOGS,
  /** The event log. */
  EVENT_LOGS,
  /** Certificate and the other system settings. */
  SYSTEM,
  /** Roles and their permissions. */
  ROLES;

  /** "Call control" for {@code CALL_CONTROL}. */
  public String getLabel() {
    return EventType.sentence(name());
  }
}
