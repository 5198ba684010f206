package io.bulwark.pbx.location;

import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Where the bindings of every address of record live while Bulwark runs: the source of truth for
 * REGISTER answers and for routing. One node keeps them in a concurrent map; a cluster would keep
 * them in one of WildFly's Infinispan caches, which is a second implementation of this interface.
 */
public interface LocationStore {

  /** The bindings of {@code aor}; {@link AorBindings#NONE} when it has none. */
  AorBindings get(String aor);

  /**
   * Replaces the bindings of {@code aor} with what {@code change} makes of them, atomically for
   * that address and without blocking other addresses. An empty result removes the entry.
   *
   * @return the new bindings
   */
  AorBindings update(String aor, UnaryOperator<AorBindings> change);

  void forEach(BiConsumer<String, AorBindings> action);

  /** How many addresses of record have an entry. */
  int size();
}
