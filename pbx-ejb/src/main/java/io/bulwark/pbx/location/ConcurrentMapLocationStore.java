package io.bulwark.pbx.location;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * A {@link LocationStore} on any {@link ConcurrentMap}: a {@link ConcurrentHashMap} on one node
 * (per-key locking, no lock shared by all addresses), or an Infinispan cache, which is a
 * ConcurrentMap too.
 */
public final class ConcurrentMapLocationStore implements LocationStore {

  private final ConcurrentMap<String, AorBindings> map;

  public ConcurrentMapLocationStore(ConcurrentMap<String, AorBindings> map) {
    this.map = map;
  }

  public ConcurrentMapLocationStore() {
    this(new ConcurrentHashMap<>(1 << 14));
  }

  @Override
  public AorBindings get(String aor) {
    AorBindings found = map.get(aor);
    return found == null ? AorBindings.NONE : found;
  }

  @Override
  public AorBindings update(String aor, UnaryOperator<AorBindings> change) {
    AorBindings result =
        map.compute(
            aor,
            (key, current) -> {
              AorBindings next = change.apply(current == null ? AorBindings.NONE : current);
              return next.isEmpty() ? null : next;
            });
    return result == null ? AorBindings.NONE : result;
  }

  @Override
  public void forEach(BiConsumer<String, AorBindings> action) {
    map.forEach(action);
  }

  @Override
  public int size() {
    return map.size();
  }
}
