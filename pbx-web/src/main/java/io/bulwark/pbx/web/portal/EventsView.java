package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.event.EventLog;
import io.bulwark.pbx.event.EventLogEntry;
import io.bulwark.pbx.event.EventQuery;
import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityLog;
import io.bulwark.pbx.event.SecurityLogVerifier;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The event log page: newest first, filtered by period, type and severity, a page at a time. */
@Named
@ViewScoped
public class EventsView implements Serializable {

  @Inject private transient EventLog log;
  @Inject private transient SecurityLog securityLog;
  @Inject private transient Clock clock;

  private Period period = Period.DAY;
  private List<String> types = List.of();
  private List<String> severities = List.of();
  private String status = "";
  private List<EventLogEntry> selected = List.of();
  private SecurityLogVerifier.Result verification;
  private EventQuery query;
  private final LazyDataModel<EventLogEntry> events = new Page();

  @PostConstruct
  void init() {
    apply();
  }

  /** Takes the filters as chosen now; the table reloads from its first page. */
  public void apply() {
    query =
        EventQuery.since(period.start(clock))
            .withTypes(Choices.constants(types, EventType.class))
            .withSeverities(Choices.constants(severities, EventType.Severity.class))
            .withRead(status.isEmpty() ? null : Boolean.valueOf(status.equals("read")));
  }

  public void markSelectedRead() {
    FormMessages.actor();
    int marked = log.markRead(selected.stream().map(EventLogEntry::getId).toList());
    selected = List.of();
    FormMessages.info(marked + (marked == 1 ? " event" : " events") + " marked read");
  }

  public void markAllRead() {
    FormMessages.actor();
    int marked = log.markAllRead();
    FormMessages.info(marked + (marked == 1 ? " event" : " events") + " marked read");
  }

  /** Checks the security log's links and shows where they break, if they do. */
  public void verifySecurityLog() {
    try {
      verification = securityLog.check(FormMessages.actor());
    } catch (IOException e) {
      verification = null;
      FormMessages.error("The security log cannot be read");
    }
  }

  public SecurityLogVerifier.Result getVerification() {
    return verification;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status == null || !List.of("read", "unread").contains(status) ? "" : status;
  }

  public List<EventLogEntry> getSelected() {
    return selected;
  }

  public void setSelected(List<EventLogEntry> selected) {
    this.selected = selected == null ? List.of() : selected;
  }

  private final class Page extends LazyDataModel<EventLogEntry> {
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, log.count(query));
    }

    @Override
    public List<EventLogEntry> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return log.find(query, first, Math.min(pageSize, EventLog.MAX_PAGE));
    }

    @Override
    public String getRowKey(EventLogEntry entry) {
      return String.valueOf(entry.getId());
    }
  }

  public LazyDataModel<EventLogEntry> getEvents() {
    return events;
  }

  public Period[] getPeriods() {
    return Period.values();
  }

  public EventType[] getAllTypes() {
    return EventType.values();
  }

  public EventType.Severity[] getAllSeverities() {
    return EventType.Severity.values();
  }

  public Period getPeriod() {
    return period;
  }

  public void setPeriod(Period period) {
    this.period = period == null ? Period.DAY : period;
  }

  public List<String> getTypes() {
    return types;
  }

  public void setTypes(List<String> types) {
    this.types = types == null ? List.of() : List.copyOf(types);
  }

  public List<String> getSeverities() {
    return severities;
  }

  public void setSeverities(List<String> severities) {
    this.severities = severities == null ? List.of() : List.copyOf(severities);
  }
}
