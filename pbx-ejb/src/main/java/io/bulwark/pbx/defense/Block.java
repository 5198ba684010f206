package io.bulwark.pbx.defense;

import java.time.Instant;

/**
 * A source kept out of SIP and the web: which addresses, which defense decided it and why, since
 * when, and until when ({@code null}: until an administrator lifts it).
 */
public record Block(
    long id, CidrBlock source, DefenseType type, String reason, Instant blockedAt, Instant until) {

  public boolean isPermanent() {
    return until == null;
  }

  /** In force at {@code now}: permanent, or not yet expired. */
  public boolean activeAt(Instant now) {
    return until == null || now.isBefore(until);
  }
}
