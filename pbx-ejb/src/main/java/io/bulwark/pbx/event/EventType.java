package io.bulwark.pbx.event;

/** Kinds of events, each with the severity it is shown with. */
public enum EventType {
  REGISTRATION_FAILED(Severity.WARNING),
  EXTENSION_CREATED(Severity.INFO),
  EXTENSION_UPDATED(Severity.INFO),
  EXTENSION_DELETED(Severity.INFO);

  private final Severity severity;

  EventType(Severity severity) {
    this.severity = severity;
  }

  public Severity severity() {
    return severity;
  }

  /** How urgent an event is. */
  public enum Severity {
    INFO,
    WARNING,
    ALERT
  }
}
