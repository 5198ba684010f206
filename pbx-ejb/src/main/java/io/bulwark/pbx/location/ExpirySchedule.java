package io.bulwark.pbx.location;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * When to look at an address of record again because a binding of it expires: addresses grouped by
 * the second their earliest binding expires, in a lock-free ordered map, so that expiring costs the
 * addresses due and never a scan of all of them.
 *
 * <p>An address is scheduled when its earliest expiry moves earlier (first registration, a shorter
 * binding). A refresh moves it later and schedules nothing: when the old entry comes due, the sweep
 * finds nothing expired and schedules the address at its real earliest expiry. So an address has
 * about one entry, however often it refreshes.
 */
final class ExpirySchedule {

  private final ConcurrentSkipListMap<Long, Set<String>> bySecond = new ConcurrentSkipListMap<>();

  void schedule(String aor, long expiresAtMillis) {
    bySecond
        .computeIfAbsent(ceilSecond(expiresAtMillis), s -> ConcurrentHashMap.newKeySet())
        .add(aor);
  }

  /** Removes and returns the addresses whose scheduled second has passed at {@code nowMillis}. */
  List<String> takeDue(long nowMillis) {
    List<String> due = new ArrayList<>();
    long nowSecond = nowMillis / 1000;
    Map.Entry<Long, Set<String>> first;
    while ((first = bySecond.firstEntry()) != null && first.getKey() <= nowSecond) {
      Set<String> aors = bySecond.remove(first.getKey());
      if (aors != null) {
        due.addAll(aors);
      }
    }
    return due;
  }

  int entries() {
    int n = 0;
    for (Set<String> aors : bySecond.values()) {
      n += aors.size();
    }
    return n;
  }

  private static long ceilSecond(long millis) {
    return (millis + 999) / 1000;
  }
}
