package io.bulwark.pbx.defense;

import io.bulwark.pbx.activity.ActivityService;
import io.bulwark.pbx.activity.Series;
import io.bulwark.pbx.event.EventType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the security dashboard from the blocks in force, the block list and the event log. */
@Stateless
public class SecurityOverviewService {

  static final int HOURS = 24;
  static final int TOP = 10;

  /** Sources a day's countries are counted from: a forged flood must not make this a scan. */
  static final int MAX_SOURCES = 10_000;

  private static final Duration HOUR = Duration.ofHours(1);

  @PersistenceContext private EntityManager em;
  @Inject private DefenseTable table;
  @Inject private ActivityService activity;
  @Inject private Clock clock;

  public SecurityOverview now() {
    Instant firstHour =
        clock.instant().truncatedTo(ChronoUnit.HOURS).minus(HOUR.multipliedBy(HOURS - 1));
    List<Object[]> bySource =
        em.createQuery(
                "select e.sourceIp, count(e) from EventLogEntry e where e.occurredAt >= :since"
                    + " and e.sourceIp is not null and e.severity <> :info"
                    + " group by e.sourceIp order by count(e) desc",
                Object[].class)
            .setParameter("since", firstHour)
            .setParameter("info", EventType.Severity.INFO)
            .setMaxResults(MAX_SOURCES)
            .getResultList();
    Firewall firewall = table.firewall();
    List<SecurityOverview.SourceCount> top = new ArrayList<>();
    Map<String, Long> countries = new LinkedHashMap<>();
    for (Object[] row : bySource) {
      String source = (String) row[0];
      long events = ((Number) row[1]).longValue();
      InetAddress address = address(source);
      String country = countryOf(address);
      countries.merge(country, events, Long::sum);
      if (top.size() < TOP) {
        top.add(
            new SecurityOverview.SourceCount(
                source, events, country, address != null && firewall.blocked().blocks(address)));
      }
    }
    return new SecurityOverview(
        firewall.blocked().inForce(),
        blocksPerHour(firstHour),
        top,
        countries.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
            .limit(TOP)
            .map(e -> new SecurityOverview.CountryCount(e.getKey(), e.getValue()))
            .toList(),
        activity.sip().failedAuthenticationsPerMinute());
  }

  /** Counts each hour's blocks between bound instants, so no database date function is needed. */
  private Series blocksPerHour(Instant firstHour) {
    StringBuilder jpql = new StringBuilder("select count(b)");
    for (int i = 0; i < HOURS; i++) {
      jpql.append(", sum(case when b.blockedAt >= :t")
          .append(i)
          .append(" and b.blockedAt < :t")
          .append(i + 1)
          .append(" then 1 else 0 end)");
    }
    jpql.append(" from BlockEntry b where b.blockedAt >= :t0");
    var query = em.createQuery(jpql.toString(), Object[].class);
    for (int i = 0; i <= HOURS; i++) {
      query.setParameter("t" + i, firstHour.plus(HOUR.multipliedBy(i)));
    }
    Object[] row = query.getSingleResult();
    List<Long> counts = new ArrayList<>(HOURS);
    for (int i = 1; i <= HOURS; i++) {
      counts.add(row[i] == null ? 0 : ((Number) row[i]).longValue());
    }
    return new Series(firstHour, HOUR, counts);
  }

  private String countryOf(InetAddress address) {
    if (address == null) {
      return SecurityOverview.UNKNOWN;
    }
    if (AccessPolicy.hasNoCountry(address)) {
      return SecurityOverview.LOCAL;
    }
    return table.countries().flatMap(c -> c.countryOf(address)).orElse(SecurityOverview.UNKNOWN);
  }

  private static InetAddress address(String source) {
    try {
      CidrBlock block = CidrBlock.parse(source);
      return block.isSingleAddress() ? block.network() : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
