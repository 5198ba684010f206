package io.bulwark.pbx.location;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

/**
 * The bindings' copy in MariaDB, written in batches by the write-behind and read back at start.
 * Plain JDBC: a flush writes hundreds of rows with a few multi-row statements, which an entity per
 * row would not. Times are stored as UTC, as the JPA entities do.
 */
final class BindingRepository {

  private static final String ACTIVE =
      "SELECT e.number, b.contact_uri, b.expires_at, b.call_id, b.cseq, b.source_address,"
          + " b.source_port, b.transport, b.user_agent, b.registered_at"
          + " FROM registration_binding b JOIN extension e ON e.id = b.extension_id"
          + " WHERE b.expires_at > ? ORDER BY e.number, b.id";
  private static final String COLUMNS =
      "extension_id, contact_uri, expires_at, call_id, cseq, source_address, source_port,"
          + " transport, user_agent, registered_at";
  private static final String ON_DUPLICATE =
      " ON DUPLICATE KEY UPDATE expires_at = VALUES(expires_at), call_id = VALUES(call_id),"
          + " cseq = VALUES(cseq), source_address = VALUES(source_address),"
          + " source_port = VALUES(source_port), transport = VALUES(transport),"
          + " user_agent = VALUES(user_agent), registered_at = VALUES(registered_at)";

  /** Rows per INSERT: 10 placeholders each, well under the server's 65,535. */
  private static final int ROWS_PER_STATEMENT = 1000;

  private static final String DELETE_EXPIRED =
      "DELETE FROM registration_binding WHERE expires_at <= ?";

  private final DataSource dataSource;

  BindingRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Streams the active bindings, grouped by extension number, to {@code sink}. */
  int loadActive(long nowMillis, BiConsumer<String, List<Binding>> sink) throws SQLException {
    int rows = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = c.prepareStatement(ACTIVE)) {
      q.setFetchSize(1000);
      q.setTimestamp(1, utc(nowMillis));
      try (ResultSet rs = q.executeQuery()) {
        String aor = null;
        List<Binding> group = new ArrayList<>(2);
        while (rs.next()) {
          String number = rs.getString(1);
          if (aor != null && !aor.equals(number)) {
            sink.accept(aor, group);
            group = new ArrayList<>(2);
          }
          aor = number;
          group.add(
              new Binding(
                  rs.getString(2),
                  millis(rs.getTimestamp(3)),
                  rs.getString(4),
                  rs.getLong(5),
                  rs.getString(6),
                  rs.getInt(7),
                  rs.getString(8),
                  rs.getString(9),
                  millis(rs.getTimestamp(10))));
          rows++;
        }
        if (aor != null) {
          sink.accept(aor, group);
        }
      }
    }
    return rows;
  }

  /**
   * Brings the stored bindings of each pending address to its snapshot, in one transaction: rows
   * are updated in place, and replaced only for addresses that lost a contact. A few statements per
   * batch, not one per row: the server parses each statement it gets.
   */
  void write(List<Locations.Pending> pending) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        Map<String, Long> ids = extensionIds(c, pending);
        List<Long> replaced = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (Locations.Pending p : pending) {
          Long id = ids.get(p.aor());
          if (id == null) {
            continue; // deleted meanwhile; its rows went with it
          }
          if (p.lostContacts()) {
            replaced.add(id);
          }
          for (Binding b : p.snapshot().bindings()) {
            rows.add(row(id, b));
          }
        }
        if (!replaced.isEmpty()) {
          execute(
              c,
              "DELETE FROM registration_binding WHERE extension_id IN " + marks(1, replaced.size()),
              replaced.toArray());
        }
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
          List<Object[]> chunk =
              rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
          execute(
              c,
              "INSERT INTO registration_binding ("
                  + COLUMNS
                  + ") VALUES "
                  + marks(chunk.size(), 10)
                  + ON_DUPLICATE,
              chunk.stream().flatMap(Arrays::stream).toArray());
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  private static Map<String, Long> extensionIds(Connection c, List<Locations.Pending> pending)
      throws SQLException {
    Map<String, Long> ids = new HashMap<>();
    String sql = "SELECT number, id FROM extension WHERE number IN " + marks(1, pending.size());
    try (PreparedStatement q = c.prepareStatement(sql)) {
      for (int i = 0; i < pending.size(); i++) {
        q.setString(i + 1, pending.get(i).aor());
      }
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          ids.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return ids;
  }

  private static Object[] row(long extensionId, Binding b) {
    return new Object[] {
      extensionId,
      b.contactUri(),
      utc(b.expiresAtMillis()),
      b.callId(),
      b.cseq(),
      b.sourceAddress(),
      b.sourcePort(),
      b.transport(),
      b.userAgent(),
      utc(b.registeredAtMillis())
    };
  }

  private static void execute(Connection c, String sql, Object[] values) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }

  /** {@code (?, ?), (?, ?)}: {@code rows} groups of {@code width} placeholders. */
  private static String marks(int rows, int width) {
    String one = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
    return String.join(", ", Collections.nCopies(rows, one));
  }

  int deleteExpired(long nowMillis) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement d = c.prepareStatement(DELETE_EXPIRED)) {
      d.setTimestamp(1, utc(nowMillis));
      return d.executeUpdate();
    }
  }

  /** The UTC wall-clock time, which is what a TIMESTAMP column holds for Bulwark. */
  private static Timestamp utc(long millis) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
  }

  private static long millis(Timestamp utcWallClock) {
    return utcWallClock.toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
