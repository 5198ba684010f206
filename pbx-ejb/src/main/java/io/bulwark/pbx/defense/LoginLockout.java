package io.bulwark.pbx.defense;

import java.time.Duration;

/**
 * The account lockout of the guide for logins (the portal, the user portal, API clients), per
 * source address: {@code temporary} failures block the address for {@code blockMinutes}; {@code
 * permanent} failures block it until an administrator unblocks it.
 */
public record LoginLockout(RateLimit temporary, int blockMinutes, RateLimit permanent) {

  /** A new system's: 5 failures in 5 minutes block for 15 minutes, 15 in 24 hours for good. */
  public static final LoginLockout DEFAULT =
      new LoginLockout(new RateLimit(5, 300), 15, new RateLimit(15, 24 * 3600));

  public Duration block() {
    return Duration.ofMinutes(blockMinutes);
  }

  /** "5 failed logins in 300 s block for 15 min; 15 in 24 h for good". */
  public String describe() {
    return temporary.count()
        + " failed logins in "
        + temporary.seconds()
        + " s block for "
        + blockMinutes
        + " min; "
        + permanent.count()
        + " in "
        + permanent.seconds() / 3600
        + " h for good";
  }
}
