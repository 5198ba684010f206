package io.bulwark.pbx.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The database's side of a backup: which tables there are, and their rows written into a backup's
 * stream and read back out of it with {@link TableCodec}. The caller holds the connection and its
 * transaction; {@code progress} hears the rows done every {@value #PROGRESS_EVERY} rows.
 */
final class DatabaseTables {

  private static final int BATCH = 1000;
  private static final int PROGRESS_EVERY = 10_000;

  private DatabaseTables() {}

  /** The base tables of the connection's schema, by name. */
  static List<String> names(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                    + " AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The highest migration applied, which a backup must not be newer than. */
  static String schemaVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT MAX(CAST(version AS UNSIGNED)) FROM flyway_schema_history WHERE success = 1")) {
      rs.next();
      return Long.toString(rs.getLong(1));
    }
  }

  /** Writes every row of {@code tables}, as the connection's transaction sees them. */
  static void write(Connection c, Set<String> tables, DataOutputStream out, BackupProgress progress)
      throws IOException {
    out.writeUTF(TableCodec.HEADER);
    long done = 0;
    try {
      for (String table : tables) {
        try (Statement s = c.createStatement()) {
          s.setFetchSize(BATCH);
          try (ResultSet rs = s.executeQuery("SELECT * FROM `" + table + "`")) {
            int n = rs.getMetaData().getColumnCount();
            List<String> columns = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
              columns.add(rs.getMetaData().getColumnName(i));
            }
            TableCodec.writeTable(out, table, columns);
            while (rs.next()) {
              Object[] values = new Object[n];
              for (int i = 0; i < n; i++) {
                values[i] = rs.getObject(i + 1);
              }
              TableCodec.writeRow(out, values);
              if (++done % PROGRESS_EVERY == 0) {
                progress.at(table, done);
              }
            }
            TableCodec.endTable(out);
          }
        }
      }
      TableCodec.end(out);
      progress.at("", done);
    } catch (SQLException e) {
      throw new IOException("the database could not be read", e);
    }
  }

  /** Reads every row of the stream's tables without touching the database; counts per table. */
  static Map<String, Long> rowCounts(DataInputStream in, BackupProgress progress)
      throws IOException {
    Map<String, Long> rows = new LinkedHashMap<>();
    long done = 0;
    for (TableCodec.Table t = readHeader(in); t != null; t = TableCodec.readTable(in)) {
      long count = 0;
      while (TableCodec.readRow(in, t.columns().size()) != null) {
        count++;
        if (++done % PROGRESS_EVERY == 0) {
          progress.at(t.name(), done);
        }
      }
      rows.put(t.name(), count);
    }
    return rows;
  }

  /**
   * Replaces the rows of each of the stream's tables that this schema has, in the columns it still
   * has; rows of tables it no longer has are read and dropped. Progress counts on from {@code
   * done}.
   */
  static void replace(Connection c, DataInputStream in, long done, BackupProgress progress)
      throws IOException, SQLException {
    Set<String> existing = new LinkedHashSet<>(names(c));
    try (Statement s = c.createStatement()) {
      for (TableCodec.Table t = readHeader(in); t != null; t = TableCodec.readTable(in)) {
        if (!existing.contains(t.name())) {
          while (TableCodec.readRow(in, t.columns().size()) != null) {
            done++;
          }
          continue;
        }
        Set<String> now = columns(c, t.name());
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
          if (now.contains(t.columns().get(i))) {
            kept.add(i);
          }
        }
        s.executeUpdate("DELETE FROM `" + t.name() + "`");
        List<String> names = t.columns();
        String sql =
            "INSERT INTO `"
                + t.name()
                + "` ("
                + String.join(", ", kept.stream().map(i -> "`" + names.get(i) + "`").toList())
                + ") VALUES ("
                + String.join(", ", Collections.nCopies(kept.size(), "?"))
                + ")";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
          int pending = 0;
          for (Object[] row = TableCodec.readRow(in, t.columns().size());
              row != null;
              row = TableCodec.readRow(in, t.columns().size())) {
            for (int i = 0; i < kept.size(); i++) {
              insert.setObject(i + 1, row[kept.get(i)]);
            }
            insert.addBatch();
            if (++pending == BATCH) {
              insert.executeBatch();
              pending = 0;
            }
            if (++done % PROGRESS_EVERY == 0) {
              progress.at(t.name(), done);
            }
          }
          if (pending > 0) {
            insert.executeBatch();
          }
        }
      }
    }
  }

  private static Set<String> columns(Connection c, String table) throws SQLException {
    Set<String> columns = new LinkedHashSet<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = ?")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    return columns;
  }

  private static TableCodec.Table readHeader(DataInputStream in) throws IOException {
    if (!TableCodec.HEADER.equals(in.readUTF())) {
      throw new IOException("unknown table format");
    }
    return TableCodec.readTable(in);
  }
}
