package io.bulwark.pbx.cdr;

import io.bulwark.pbx.system.JpqlFilter;
import io.bulwark.pbx.system.PageBounds;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reads the call log: newest first, filtered, a page at a time. */
@Stateless
public class CallRecordLog {

  /** The most rows one page may ask for. */
  public static final int MAX_PAGE = 1000;

  @PersistenceContext private EntityManager em;

  public List<CallRecordEntry> find(CallRecordQuery query, int offset, int limit) {
    check(query, offset, limit);
    JpqlFilter filter = query.filter();
    return filter
        .bind(
            em.createQuery(
                "select c from CallRecordEntry c"
                    + filter.clause()
                    + " order by c.startedAt desc, c.id desc",
                CallRecordEntry.class))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count(CallRecordQuery query) {
    check(query, 0, 1);
    JpqlFilter filter = query.filter();
    return filter
        .bind(
            em.createQuery("select count(c) from CallRecordEntry c" + filter.clause(), Long.class))
        .getSingleResult();
  }

  private static void check(CallRecordQuery query, int offset, int limit) {
    PageBounds.check(query.violations(), offset, limit, MAX_PAGE);
  }
}
