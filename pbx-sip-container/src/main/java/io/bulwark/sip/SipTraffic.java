package io.bulwark.sip;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the container received and answered: requests by method and responses by status code,
 * counted without a lock on the hot path. Methods outside RFC 3261 and its extensions count as
 * {@code OTHER}, so a scanner inventing methods cannot grow the set of counters.
 */
public final class SipTraffic {

  static final String OTHER = "OTHER";

  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final LongAdder[] responses = new LongAdder[600];

  SipTraffic() {
    for (int i = 0; i < responses.length; i++) {
      responses[i] = new LongAdder();
    }
  }

  void request(String method) {
    String counted = RequestScreen.KNOWN_METHODS.contains(method) ? method : OTHER;
    requests.computeIfAbsent(counted, m -> new LongAdder()).increment();
  }

  void response(int status) {
    if (status >= 100 && status <= 699) {
      responses[status - 100].increment();
    }
  }

  /** Requests received so far, by method; only methods seen at least once. */
  public Map<String, Long> requestsByMethod() {
    Map<String, Long> counts = new TreeMap<>();
    requests.forEach((method, count) -> counts.put(method, count.sum()));
    return counts;
  }

  /** Responses sent so far, by status code; only codes sent at least once. */
  public Map<Integer, Long> responsesByStatus() {
    Map<Integer, Long> counts = new TreeMap<>();
    for (int i = 0; i < responses.length; i++) {
      long sum = responses[i].sum();
      if (sum > 0) {
        counts.put(i + 100, sum);
      }
    }
    return counts;
  }
}
