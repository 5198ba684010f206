package io.bulwark.pbx.location;

import java.util.List;

/** What a REGISTER achieved, in the terms the SIP layer answers with. */
public sealed interface RegistrationOutcome {

  /** 200 OK: the bindings the extension holds now, each with its remaining lifetime. */
  record Accepted(List<CurrentBinding> bindings) implements RegistrationOutcome {}

  /** 423 Interval Too Brief, carrying Min-Expires. */
  record IntervalTooBrief(int minExpires) implements RegistrationOutcome {}

  /**
   * 403: the request would give the extension more devices than {@code limit}, its concurrent
   * registrations, and no older binding of the request's own source address could make room.
   */
  record TooManyDevices(int limit) implements RegistrationOutcome {}

  /** 400: a request out of order for an existing binding, or a malformed wildcard. */
  record Rejected(String reason) implements RegistrationOutcome {}

  /** A binding as reported back in the 200 OK Contact header. */
  record CurrentBinding(String contactUri, long expiresSeconds) {}
}
