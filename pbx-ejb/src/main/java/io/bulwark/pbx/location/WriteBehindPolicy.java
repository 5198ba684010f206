package io.bulwark.pbx.location;

/**
 * Which binding changes the database must learn at the next flush. Adding, removing or moving a
 * binding always; a refresh that only extends lifetimes only once the stored expiry has less than
 * half of the new lifetime left. A phone refreshing every few minutes then costs a row write every
 * other refresh instead of each time, and after a crash every acknowledged binding is still in the
 * database, with at least half of the lifetime it was granted.
 */
final class WriteBehindPolicy {

  private WriteBehindPolicy() {}

  static boolean mustWrite(AorBindings before, RegistrationRules.Result result, long now) {
    if (!result.changed()) {
      return false;
    }
    if (result.routingChanged() || before.persistedExpiry() == 0) {
      return true;
    }
    long earliest = Long.MAX_VALUE;
    for (Binding b : result.bindings()) {
      earliest = Math.min(earliest, b.expiresAtMillis());
    }
    return before.persistedExpiry() - now < (earliest - now) / 2;
  }
}
