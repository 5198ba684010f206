package io.bulwark.pbx.location;

import java.time.Duration;

/**
 * Binding lifetimes the registrar grants: requests below {@code minExpires} are refused with 423,
 * longer ones are shortened to {@code maxExpires}; without any expiry the default applies.
 */
public record RegistrationPolicy(int minExpires, int maxExpires, int defaultExpires) {

  public static final RegistrationPolicy STANDARD = new RegistrationPolicy(60, 3600, 3600);

  public RegistrationPolicy {
    if (minExpires < 1 || maxExpires < minExpires || defaultExpires < minExpires) {
      throw new IllegalArgumentException("Inconsistent registration lifetimes");
    }
  }

  /** The lifetime a contact asked for: its own parameter, else the header, else the default. */
  int requested(RegisterRequest.ContactExpiry contact, Integer headerExpires) {
    if (contact.expires() != null) {
      return contact.expires();
    }
    return headerExpires != null ? headerExpires : defaultExpires;
  }

  Duration granted(int requestedSeconds) {
    return Duration.ofSeconds(Math.min(requestedSeconds, maxExpires));
  }
}
