package io.bulwark.pbx.cdr;

import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/** Reads the call log: newest first, filtered, a page at a time. */
@Stateless
public class CallRecordLog {

  /** The most rows one page may ask for. */
  public static final int MAX_PAGE = 1000;

  @PersistenceContext private EntityManager em;

  public List<CallRecordEntry> find(CallRecordQuery query, int offset, int limit) {
    check(query, offset, limit);
    return query
        .bind(
            em.createQuery(
                "select c from CallRecordEntry c"
                    + query.where()
                    + " order by c.startedAt desc, c.id desc",
                CallRecordEntry.class))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count(CallRecordQuery query) {
    check(query, 0, 1);
    return query
        .bind(em.createQuery("select count(c) from CallRecordEntry c" + query.where(), Long.class))
        .getSingleResult();
  }

  private static void check(CallRecordQuery query, int offset, int limit) {
    var violations = new ArrayList<FieldViolation>(query.violations());
    if (offset < 0) {
      violations.add(new FieldViolation("offset", "offset must be 0 or more"));
    }
    if (limit < 1 || limit > MAX_PAGE) {
      violations.add(new FieldViolation("limit", "limit must be between 1 and " + MAX_PAGE));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }
}
