package io.bulwark.pbx.backup;

import java.util.Optional;
import java.util.Set;

/**
 * What a backup can hold, as the backup form offers it; each table belongs to one of the first
 * three, and the server's certificate is kept beside the tables.
 */
public enum BackupContent {
  /** Extensions, users' settings, trunks, routes, security rules, roles, every setting. */
  CONFIGURATION,
  /** The call log. */
  CALL_RECORDS,
  /** The event log and the audit log. */
  EVENT_LOGS,
  /** The certificate HTTPS and SIP over TLS present, with its private key. */
  CERTIFICATES;

  /**
   * Tables of the running system, not of anyone's making, and the portal's ports, the RTP range and
   * SSH's port, which belong to this machine's network (restored elsewhere, the portal's could lock
   * the administrator out): never backed up.
   */
  private static final Set<String> RUNTIME =
      Set.of(
          "flyway_schema_history",
          "registration_binding",
          "call_record_heartbeat",
          "upgrade_attempt",
          "web_ports",
          "rtp_ports",
          "ssh_port");

  /** The content {@code table} belongs to; empty for the tables no backup holds. */
  public static Optional<BackupContent> of(String table) {
    String name = table.toLowerCase(java.util.Locale.ROOT);
    if (RUNTIME.contains(name)) {
      return Optional.empty();
    }
    if (name.startsWith("call_record")) {
      return Optional.of(CALL_RECORDS);
    }
    if (name.equals("event_log") || name.equals("audit_log")) {
      return Optional.of(EVENT_LOGS);
    }
    return Optional.of(CONFIGURATION);
  }

  public String getLabel() {
    return io.bulwark.pbx.event.EventType.sentence(name());
  }
}
