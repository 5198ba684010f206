package io.bulwark.pbx.sip.call;

import io.bulwark.pbx.trunk.TrunkProfile;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The calls each trunk carries now, against the trunk's Maximum Concurrent Calls: a call takes a
 * channel before its INVITE goes to the trunk and gives it back when the trunk refused it or the
 * call ended.
 */
final class TrunkLoad {

  private final Map<Long, AtomicInteger> calls = new ConcurrentHashMap<>();

  /** Takes a channel of {@code trunk}, or says there is none free. */
  boolean take(TrunkProfile trunk) {
    AtomicInteger count = calls.computeIfAbsent(trunk.id(), id -> new AtomicInteger());
    Integer limit = trunk.maxConcurrentCalls();
    while (true) {
      int now = count.get();
      if (limit != null && now >= limit) {
        return false;
      }
      if (count.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  void release(TrunkProfile trunk) {
    calls.get(trunk.id()).decrementAndGet();
  }
}
