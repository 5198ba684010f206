package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.activity.Series;
import io.bulwark.pbx.defense.SecurityOverview;
import io.bulwark.pbx.defense.SecurityOverviewService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Security > Overview: the live security dashboard, read afresh for the page and for each poll. A
 * period is listed only when something happened in it, so that a quiet day reads as one line.
 */
@Named
@RequestScoped
public class SecurityOverviewView {

  /** A period and its count, for a table row. */
  public record Period(Instant start, long count) {
    public Instant getStart() {
      return start;
    }

    public long getCount() {
      return count;
    }
  }

  @Inject private SecurityOverviewService service;

  private SecurityOverview overview;

  @PostConstruct
  void load() {
    overview = service.now();
  }

  public int getBlockedNow() {
    return overview.blockedNow();
  }

  public long getBlocksToday() {
    return overview.blocksPerHour().total();
  }

  public long getFailedAuthenticationsLastHour() {
    return overview.failedAuthenticationsPerMinute().total();
  }

  public List<Period> getBlockHours() {
    return busy(overview.blocksPerHour());
  }

  public List<Period> getFailedMinutes() {
    return busy(overview.failedAuthenticationsPerMinute());
  }

  public List<SecurityOverview.SourceCount> getTopSources() {
    return overview.topSources();
  }

  public List<SecurityOverview.CountryCount> getTopCountries() {
    return overview.topCountries();
  }

  private static List<Period> busy(Series series) {
    List<Period> periods = new ArrayList<>();
    for (int i = series.counts().size() - 1; i >= 0; i--) {
      long count = series.counts().get(i);
      if (count > 0) {
        periods.add(new Period(series.periodStart(i), count));
      }
    }
    return periods;
  }
}
