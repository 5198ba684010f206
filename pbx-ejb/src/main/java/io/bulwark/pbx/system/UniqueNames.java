package io.bulwark.pbx.system;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Whether a name is taken, the way the database's unique keys see it: without regard to case (their
 * collation is case-insensitive), so that a name differing in case only is refused on its field
 * rather than by the constraint.
 */
public final class UniqueNames {

  private UniqueNames() {}

  /**
   * @param self the id of the record being changed, null for a new one
   */
  public static <T> boolean takenByAnother(
      Collection<T> all, Function<T, String> name, Function<T, Long> id, String wanted, Long self) {
    String folded = wanted.strip().toLowerCase(Locale.ROOT);
    return all.stream()
        .anyMatch(
            t ->
                name.apply(t).toLowerCase(Locale.ROOT).equals(folded)
                    && !Objects.equals(id.apply(t), self));
  }
}
