package io.bulwark.pbx.event;

import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/** Reads the event log: newest first, filtered, a page at a time. */
@Stateless
public class EventLog {

  /** The most rows one page may ask for. */
  public static final int MAX_PAGE = 1000;

  @PersistenceContext private EntityManager em;

  public List<EventLogEntry> find(EventQuery query, int offset, int limit) {
    check(query, offset, limit);
    return query
        .bind(
            em.createQuery(
                "select e from EventLogEntry e"
                    + query.where()
                    + " order by e.occurredAt desc, e.id desc",
                EventLogEntry.class))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count(EventQuery query) {
    check(query, 0, 1);
    return query
        .bind(em.createQuery("select count(e) from EventLogEntry e" + query.where(), Long.class))
        .getSingleResult();
  }

  public List<EventLogEntry> latest(int max) {
    return find(EventQuery.ALL, 0, max);
  }

  private static void check(EventQuery query, int offset, int limit) {
    var violations = new ArrayList<>(query.violations());
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
