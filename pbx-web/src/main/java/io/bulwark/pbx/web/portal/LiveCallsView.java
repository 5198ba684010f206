package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.cdr.CallDetailRecord;
import io.bulwark.pbx.cdr.LiveCalls;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The active calls page: every call ringing or up, refreshed while open, each with a hang-up. */
@Named
@ViewScoped
public class LiveCallsView implements Serializable {

  @Inject private transient LiveCalls calls;
  @Inject private transient Clock clock;

  /** One call as the table shows it. */
  public record Row(String key, CallDetailRecord record, Instant now) {
    public String getKey() {
      return key;
    }

    public String getCaller() {
      String name = record.parties().callerName();
      String number = record.parties().caller();
      return name == null || name.isEmpty() ? number : name + " (" + number + ")";
    }

    public String getDialled() {
      return record.parties().dialled();
    }

    public String getState() {
      return record.isAnswered() ? "Talking" : "Ringing";
    }

    public Instant getStartedAt() {
      return record.startedAt();
    }

    /** How long it has been talking (or ringing), as h:mm:ss. */
    public String getDuration() {
      Instant since = record.isAnswered() ? record.answeredAt() : record.startedAt();
      long seconds = Math.max(0, Duration.between(since, now).toSeconds());
      return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
  }

  public List<Row> getCalls() {
    Instant now = clock.instant();
    return calls.list().stream().map(r -> new Row(r.key(), r, now)).toList();
  }

  public void hangUp(String key) {
    String actor = FormMessages.actor();
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            calls.hangUp(key, actor)
                ? new FacesMessage(FacesMessage.SEVERITY_INFO, "The call was hung up.", null)
                : new FacesMessage(
                    FacesMessage.SEVERITY_WARN, "That call had already ended.", null));
  }
}
