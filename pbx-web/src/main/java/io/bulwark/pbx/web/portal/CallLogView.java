package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.cdr.CallRecordEntry;
import io.bulwark.pbx.cdr.CallRecordLog;
import io.bulwark.pbx.cdr.CallRecordQuery;
import io.bulwark.pbx.cdr.Disposition;
import io.bulwark.pbx.system.FieldViolation;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The call log page: call records newest first, filtered by period, number and disposition. */
@Named
@ViewScoped
public class CallLogView implements Serializable {

  @Inject private transient CallRecordLog log;
  @Inject private transient Clock clock;

  private Period period = Period.DAY;
  private String number;
  private List<String> dispositions = List.of();
  private CallRecordQuery query;
  private final LazyDataModel<CallRecordEntry> records = new Page();

  @PostConstruct
  void init() {
    apply();
  }

  /** Takes the filters as chosen now; a wrong number is shown next to its field, nothing else. */
  public void apply() {
    CallRecordQuery chosen =
        new CallRecordQuery(
            period.start(clock), null, number, Choices.constants(dispositions, Disposition.class));
    List<FieldViolation> violations = chosen.violations();
    if (!violations.isEmpty()) {
      FacesContext faces = FacesContext.getCurrentInstance();
      for (FieldViolation v : violations) {
        faces.addMessage(
            "calls:" + v.field(),
            new FacesMessage(FacesMessage.SEVERITY_ERROR, v.message(), v.message()));
      }
      faces.validationFailed();
      return;
    }
    query = chosen;
  }

  private final class Page extends LazyDataModel<CallRecordEntry> {
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, log.count(query));
    }

    @Override
    public List<CallRecordEntry> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return log.find(query, first, Math.min(pageSize, CallRecordLog.MAX_PAGE));
    }

    @Override
    public String getRowKey(CallRecordEntry entry) {
      return entry.getKey();
    }
  }

  public LazyDataModel<CallRecordEntry> getRecords() {
    return records;
  }

  public Period[] getPeriods() {
    return Period.values();
  }

  public Disposition[] getAllDispositions() {
    return Disposition.values();
  }

  public Period getPeriod() {
    return period;
  }

  public void setPeriod(Period period) {
    this.period = period == null ? Period.DAY : period;
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public List<String> getDispositions() {
    return dispositions;
  }

  public void setDispositions(List<String> dispositions) {
    this.dispositions = dispositions == null ? List.of() : List.copyOf(dispositions);
  }
}
