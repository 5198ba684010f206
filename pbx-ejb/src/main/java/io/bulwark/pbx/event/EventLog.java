package io.bulwark.pbx.event;

import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.JpqlFilter;
import io.bulwark.pbx.system.PageBounds;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads the event log: newest first, filtered, a page at a time. */
@Stateless
public class EventLog {

  /** The most rows one page may ask for. */
  public static final int MAX_PAGE = 1000;

  @PersistenceContext private EntityManager em;

  public List<EventLogEntry> find(EventQuery query, int offset, int limit) {
    check(query, offset, limit);
    JpqlFilter filter = query.filter();
    return filter
        .bind(
            em.createQuery(
                "select e from EventLogEntry e"
                    + filter.clause()
                    + " order by e.occurredAt desc, e.id desc",
                EventLogEntry.class))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count(EventQuery query) {
    check(query, 0, 1);
    JpqlFilter filter = query.filter();
    return filter
        .bind(em.createQuery("select count(e) from EventLogEntry e" + filter.clause(), Long.class))
        .getSingleResult();
  }

  /** Marks the events with {@code ids} read; returns how many were unread. */
  public int markRead(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    if (ids.size() > MAX_PAGE) {
      throw new InvalidInputException("ids", "At most " + MAX_PAGE + " events at a time");
    }
    return em.createNamedQuery("EventLogEntry.markRead").setParameter("ids", ids).executeUpdate();
  }

  /** Marks every event read, as Mark All as Read does; returns how many were unread. */
  public int markAllRead() {
    return em.createNamedQuery("EventLogEntry.markAllRead").executeUpdate();
  }

  public List<EventLogEntry> latest(int max) {
    return find(EventQuery.ALL, 0, max);
  }

  /**
   * How many events of each severity occurred in each of {@code periods} consecutive periods of
   * length {@code step} from {@code start}, in one query; every severity is in the answer, with 0
   * for periods without events. Each period is a sum of the rows between two instants bound here,
   * so no database date function and no session time zone enters the result.
   */
  public Map<EventType.Severity, List<Long>> countBySeverity(
      Instant start, Duration step, int periods) {
    StringBuilder jpql = new StringBuilder("select e.severity");
    for (int i = 0; i < periods; i++) {
      jpql.append(", sum(case when e.occurredAt >= :t")
          .append(i)
          .append(" and e.occurredAt < :t")
          .append(i + 1)
          .append(" then 1 else 0 end)");
    }
    jpql.append(" from EventLogEntry e where e.occurredAt >= :t0 and e.occurredAt < :t")
        .append(periods)
        .append(" group by e.severity");
    var query = em.createQuery(jpql.toString(), Object[].class);
    for (int i = 0; i <= periods; i++) {
      query.setParameter("t" + i, start.plus(step.multipliedBy(i)));
    }
    Map<EventType.Severity, List<Long>> counts = new EnumMap<>(EventType.Severity.class);
    for (EventType.Severity severity : EventType.Severity.values()) {
      counts.put(severity, Collections.nCopies(periods, 0L));
    }
    for (Object[] row : query.getResultList()) {
      List<Long> perPeriod = new ArrayList<>(periods);
      for (int i = 1; i <= periods; i++) {
        perPeriod.add(((Number) row[i]).longValue());
      }
      counts.put((EventType.Severity) row[0], perPeriod);
    }
    return counts;
  }

  private static void check(EventQuery query, int offset, int limit) {
    PageBounds.check(query.violations(), offset, limit, MAX_PAGE);
  }
}
