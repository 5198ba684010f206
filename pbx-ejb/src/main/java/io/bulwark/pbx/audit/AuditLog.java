package io.bulwark.pbx.audit;

import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.JpqlFilter;
import io.bulwark.pbx.system.PageBounds;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit log, newest first, by period, actor and kind of record. */
@Stateless
public class AuditLog {

  /** The most rows one page may ask for. */
  public static final int MAX_PAGE = 1000;

  @PersistenceContext private EntityManager em;

  /**
   * Which entries: those from {@code from} (inclusive) to {@code to} (exclusive), by {@code actor},
   * about records of the kind {@code entity} ({@code Trunk}); null for any.
   */
  public record Query(Instant from, Instant to, String actor, String entity) {

    JpqlFilter filter() {
      JpqlFilter filter = new JpqlFilter();
      if (from != null) {
        filter.atLeast("a.occurredAt", "from", from);
      }
      if (to != null) {
        filter.below("a.occurredAt", "to", to);
      }
      if (actor != null && !actor.isBlank()) {
        filter.where("a.actor = :actor", "actor", actor.strip());
      }
      if (entity != null && !entity.isBlank()) {
        filter.where("a.entity = :entity", "entity", entity.strip());
      }
      return filter;
    }
  }

  public List<AuditEntry> find(Query query, int offset, int limit) {
    check(offset, limit);
    JpqlFilter filter = query.filter();
    return filter
        .bind(
            em.createQuery(
                "select a from AuditEntry a"
                    + filter.clause()
                    + " order by a.occurredAt desc, a.id desc",
                AuditEntry.class))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count(Query query) {
    JpqlFilter filter = query.filter();
    return filter
        .bind(em.createQuery("select count(a) from AuditEntry a" + filter.clause(), Long.class))
        .getSingleResult();
  }

  private static void check(int offset, int limit) {
    List<FieldViolation> violations = new ArrayList<>();
    PageBounds.check(violations, offset, limit, MAX_PAGE);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }
}
