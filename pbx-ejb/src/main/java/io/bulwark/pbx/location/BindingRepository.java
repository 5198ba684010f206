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
import java.util.List;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

/**
 * The bindings' copy in MariaDB, written in batches by the write-behind and read back at start.
 * Plain JDBC: a flush writes hundreds of rows in one round trip per statement, which an entity per
 * row would not. Times are stored as UTC, as the JPA entities do.
 */
final class BindingRepository {

  private static final String ACTIVE =
      "SELECT e.number, b.contact_uri, b.expires_at, b.call_id, b.cseq, b.source_address,"
          + " b.source_port, b.transport, b.user_agent, b.registered_at"
          + " FROM registration_binding b JOIN extension e ON e.id = b.extension_id"
          + " WHERE b.expires_at > ? ORDER BY e.number, b.id";
  private static final String DELETE_OF_EXTENSION =
      "DELETE b FROM registration_binding b JOIN extension e ON e.id = b.extension_id"
          + " WHERE e.number = ?";
  private static final String INSERT =
      "INSERT INTO registration_binding (extension_id, contact_uri, expires_at, call_id, cseq,"
          + " source_address, source_port, transport, user_agent, registered_at)"
          + " SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM extension WHERE number = ?";
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

  /** Replaces the stored bindings of each pending address with its snapshot, in one transaction. */
  void write(List<Locations.Pending> pending) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement delete = c.prepareStatement(DELETE_OF_EXTENSION);
          PreparedStatement insert = c.prepareStatement(INSERT)) {
        for (Locations.Pending p : pending) {
          delete.setString(1, p.aor());
          delete.addBatch();
          for (Binding b : p.snapshot().bindings()) {
            insert.setString(1, b.contactUri());
            insert.setTimestamp(2, utc(b.expiresAtMillis()));
            insert.setString(3, b.callId());
            insert.setLong(4, b.cseq());
            insert.setString(5, b.sourceAddress());
            insert.setInt(6, b.sourcePort());
            insert.setString(7, b.transport());
            insert.setString(8, b.userAgent());
            insert.setTimestamp(9, utc(b.registeredAtMillis()));
            insert.setString(10, p.aor());
            insert.addBatch();
          }
        }
        delete.executeBatch();
        insert.executeBatch();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
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
