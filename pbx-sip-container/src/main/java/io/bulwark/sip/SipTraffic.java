package io.bulwark.sip;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the container received and answered: requests by method and responses by status code,
 * counted without a lock on the hot path. Methods outside RFC 3261 and its extensions count as
 * {@code OTHER}, so a scanner inventing methods cannot grow the set of counters.
 */
public final class SipTraffic {

  static final String OTHER = "OTHER";

  /** One counter per known method, made once: counting is a lookup in a map nobody changes. */
  private final Map<String, LongAdder> requests;

  private final LongAdder other = new LongAdder();
  private final LongAdder[] responses = new LongAdder[600];

  SipTraffic() {
    Map<String, LongAdder> known = new HashMap<>();
    RequestScreen.KNOWN_METHODS.forEach(method -> known.put(method, new LongAdder()));
    known.put(OTHER, other);
    requests = Map.copyOf(known);
    for (int i = 0; i < responses.length; i++) {
      responses[i] = new LongAdder();
    }
  }

  void request(String method) {
    requests.getOrDefault(method, other).increment();
  }

  void response(int status) {
    if (status >= 100 && status <= 699) {
      responses[status - 100].increment();
    }
  }

  /** Requests received so far, by method; only methods seen at least once. */
  public Map<String, Long> requestsByMethod() {
    Map<String, Long> counts = new TreeMap<>();
    requests.forEach(
        (method, count) -> {
          long sum = count.sum();
          if (sum > 0) {
            counts.put(method, sum);
          }
        });
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
