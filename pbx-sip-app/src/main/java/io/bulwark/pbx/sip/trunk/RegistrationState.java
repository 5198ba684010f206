package io.bulwark.pbx.sip.trunk;

import java.time.Instant;

/**
 * Where a trunk's registration stands, as the portal shows it.
 *
 * @param detail why it failed ("403 Forbidden", "No answer"), empty otherwise
 * @param since when it entered this state
 * @param expiresAt until when the provider holds the registration, null unless registered
 */
public record RegistrationState(Status status, String detail, Instant since, Instant expiresAt) {

  /** The state of a registration. */
  public enum Status {
    REGISTERING,
    REGISTERED,
    FAILED,
    STOPPED
  }

  static RegistrationState registering(Instant now) {
    return new RegistrationState(Status.REGISTERING, null, now, null);
  }

  static RegistrationState registered(Instant now, Instant expiresAt) {
    return new RegistrationState(Status.REGISTERED, null, now, expiresAt);
  }

  static RegistrationState failed(Instant now, String detail) {
    return new RegistrationState(Status.FAILED, detail, now, null);
  }

  static RegistrationState stopped(Instant now) {
    return new RegistrationState(Status.STOPPED, null, now, null);
  }
}
