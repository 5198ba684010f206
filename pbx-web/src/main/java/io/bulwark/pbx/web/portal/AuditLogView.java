package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.audit.AuditEntry;
import io.bulwark.pbx.audit.AuditLog;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Reports > Audit log: who changed what, newest first, by period and actor, a page at a time. */
@Named
@ViewScoped
public class AuditLogView implements Serializable {

  @Inject private transient AuditLog log;
  @Inject private transient Clock clock;

  private Period period = Period.DAY;
  private String actor;
  private AuditLog.Query query;
  private final LazyDataModel<AuditEntry> entries = new Page();

  @PostConstruct
  void init() {
    apply();
  }

  /** Takes the filters as chosen now; the table reloads from its first page. */
  public void apply() {
    query = new AuditLog.Query(period.start(clock), null, actor, null);
  }

  /** An entry's changes on one line: "host: a.example → b.example; password: changed". */
  public String changes(AuditEntry entry) {
    try (JsonReader reader = Json.createReader(new StringReader(entry.getChanges()))) {
      return reader.readObject().entrySet().stream()
          .map(
              field -> {
                List<JsonValue> pair = field.getValue().asJsonArray();
                return field.getKey() + ": " + shown(pair.get(0)) + " → " + shown(pair.get(1));
              })
          .collect(Collectors.joining("; "));
    }
  }

  private static String shown(JsonValue value) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return "–";
    }
    String text = value.toString();
    return text.startsWith("\"") ? text.substring(1, text.length() - 1) : text;
  }

  private final class Page extends LazyDataModel<AuditEntry> {
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, log.count(query));
    }

    @Override
    public List<AuditEntry> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return log.find(query, first, Math.min(pageSize, AuditLog.MAX_PAGE));
    }

    @Override
    public String getRowKey(AuditEntry entry) {
      return String.valueOf(entry.getId());
    }
  }

  public LazyDataModel<AuditEntry> getEntries() {
    return entries;
  }

  public Period[] getPeriods() {
    return Period.values();
  }

  public Period getPeriod() {
    return period;
  }

  public void setPeriod(Period period) {
    this.period = period;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }
}
