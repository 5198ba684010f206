package io.bulwark.pbx.system;

import jakarta.persistence.Query;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The where clause of a JPQL query built from optional criteria, and the parameters it names: a
 * criterion without a value (null, or an empty collection) is left out. The same filter then binds
 * the query that lists and the one that counts.
 */
public final class JpqlFilter {

  private final StringBuilder where = new StringBuilder(" where 1 = 1");
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  /** {@code path >= :name} */
  public JpqlFilter atLeast(String path, String name, Object value) {
    return where(path + " >= :" + name, name, value);
  }

  /** {@code path < :name} */
  public JpqlFilter below(String path, String name, Object value) {
    return where(path + " < :" + name, name, value);
  }

  /** {@code path in :name} */
  public JpqlFilter in(String path, String name, Collection<?> values) {
    return where(path + " in :" + name, name, values.isEmpty() ? null : values);
  }

  /** Any condition on the one parameter {@code name}. */
  public JpqlFilter where(String condition, String name, Object value) {
    if (value != null) {
      where.append(" and ").append(condition);
      parameters.put(name, value);
    }
    return this;
  }

  /** The where clause, with a leading space. */
  public String clause() {
    return where.toString();
  }

  public <Q extends Query> Q bind(Q query) {
    parameters.forEach(query::setParameter);
    return query;
  }
}
