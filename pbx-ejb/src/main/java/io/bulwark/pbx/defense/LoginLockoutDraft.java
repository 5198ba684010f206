package io.bulwark.pbx.defense;

import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * The login lockout as an administrator writes it: {@code attempts} failures in {@code seconds}
 * block an address for {@code blockMinutes}; {@code maxAttempts} in {@code maxHours} block it for
 * good, so {@code maxAttempts} must exceed {@code attempts}.
 */
public record LoginLockoutDraft(
    Integer attempts,
    Integer seconds,
    Integer blockMinutes,
    Integer maxAttempts,
    Integer maxHours) {

  static final int MAX_ATTEMPTS = 1000;
  static final int MAX_HOURS = 720;

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    range(found, "attempts", attempts, 1, 100, "failed logins");
    range(found, "seconds", seconds, 1, 86_400, "seconds");
    range(found, "blockMinutes", blockMinutes, 1, BlockDraft.MAX_MINUTES, "minutes");
    range(found, "maxAttempts", maxAttempts, 2, MAX_ATTEMPTS, "failed logins");
    range(found, "maxHours", maxHours, 1, MAX_HOURS, "hours");
    if (found.isEmpty() && maxAttempts <= attempts) {
      found.add(
          new FieldViolation(
              "maxAttempts",
              "More than the "
                  + attempts
                  + " failed logins of a temporary block, or it would never be temporary"));
    }
    return found;
  }

  /** The lockout; call only when {@link #violations()} found none. */
  LoginLockout lockout() {
    return new LoginLockout(
        new RateLimit(attempts, seconds),
        blockMinutes,
        new RateLimit(maxAttempts, maxHours * 3600));
  }

  private static void range(
      List<FieldViolation> found, String field, Integer value, int min, int max, String unit) {
    if (value == null || value < min || value > max) {
      found.add(new FieldViolation(field, "From " + min + " to " + max + " " + unit));
    }
  }
}
