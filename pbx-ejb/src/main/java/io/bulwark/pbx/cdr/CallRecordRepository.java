package io.bulwark.pbx.cdr;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import javax.sql.DataSource;

/**
 * The call records' rows, written in batches by plain JDBC: one statement for a batch of records,
 * each inserted or, when its answered row is already there, completed. Times are stored as UTC, as
 * the JPA entities do.
 */
final class CallRecordRepository {

  private static final String UPSERT =
      "INSERT INTO call_record (call_key, caller, caller_name, callee, dialled, route, trunk,"
          + " started_at, answered_at, ended_at, billable_seconds, disposition, hangup_side, cause,"
          + " pin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON DUPLICATE KEY UPDATE answered_at = VALUES(answered_at),"
          + " ended_at = VALUES(ended_at), billable_seconds = VALUES(billable_seconds),"
          + " disposition = VALUES(disposition), hangup_side = VALUES(hangup_side),"
          + " cause = VALUES(cause), pin = VALUES(pin)";

  private static final String CLOSE_INTERRUPTED =
      "UPDATE call_record SET ended_at = GREATEST(answered_at, ?),"
          + " billable_seconds = GREATEST(0, CEIL(TIMESTAMPDIFF(MICROSECOND, answered_at,"
          + " GREATEST(answered_at, ?)) / 1000000)), hangup_side = 'SYSTEM', cause = ?"
          + " WHERE ended_at IS NULL";

  private static final String LAST_ALIVE =
      "SELECT alive_at FROM call_record_heartbeat WHERE id = 1";

  private static final String HEARTBEAT =
      "INSERT INTO call_record_heartbeat (id, alive_at) VALUES (1, ?)"
          + " ON DUPLICATE KEY UPDATE alive_at = VALUES(alive_at)";

  private final DataSource dataSource;

  CallRecordRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** One transaction for the whole batch: one log flush however many calls ended together. */
  void write(Collection<CallDetailRecord> records) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(UPSERT)) {
      c.setAutoCommit(false);
      try {
        addAll(s, records);
        s.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static void addAll(PreparedStatement s, Collection<CallDetailRecord> records)
      throws SQLException {
    for (CallDetailRecord r : records) {
      CallParties p = r.parties();
      s.setString(1, r.key());
      s.setString(2, p.caller());
      s.setString(3, p.callerName());
      s.setString(4, p.callee());
      s.setString(5, p.dialled());
      s.setString(6, p.route());
      s.setString(7, p.trunk());
      s.setTimestamp(8, utc(r.startedAt()));
      s.setTimestamp(9, utc(r.answeredAt()));
      s.setTimestamp(10, utc(r.endedAt()));
      s.setLong(11, r.billableSeconds());
      s.setString(12, r.disposition().name());
      if (r.hangupSide() == null) {
        s.setNull(13, Types.VARCHAR);
      } else {
        s.setString(13, r.hangupSide().name());
      }
      s.setString(14, r.cause());
      s.setString(15, p.pin());
      s.addBatch();
    }
  }

  /**
   * Ends the calls whose end the server never saw, at the last moment it was known alive (or {@code
   * now} when it never said), and returns how many there were.
   */
  int closeInterrupted(Instant now, String cause) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      Timestamp end = utc(now);
      try (PreparedStatement q = c.prepareStatement(LAST_ALIVE);
          var rs = q.executeQuery()) {
        if (rs.next()) {
          end = rs.getTimestamp(1);
        }
      }
      try (PreparedStatement u = c.prepareStatement(CLOSE_INTERRUPTED)) {
        u.setTimestamp(1, end);
        u.setTimestamp(2, end);
        u.setString(3, cause);
        return u.executeUpdate();
      }
    }
  }

  void heartbeat(Instant now) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(HEARTBEAT)) {
      s.setTimestamp(1, utc(now));
      s.executeUpdate();
    }
  }

  /** The UTC wall-clock time, which is what a TIMESTAMP column holds for Bulwark. */
  private static Timestamp utc(Instant instant) {
    return instant == null
        ? null
        : Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }
}
