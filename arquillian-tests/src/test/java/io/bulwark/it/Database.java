package io.bulwark.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the suite's database directly, to check what a request really wrote. */
public final class Database {

  private Database() {}

  public static long count(String sql, Object... parameters) {
    List<List<String>> rows = query(sql, parameters);
    return Long.parseLong(rows.get(0).get(0));
  }

  public static List<List<String>> query(String sql, Object... parameters) {
    try (Connection c =
            DriverManager.getConnection(
                TestEnvironment.jdbcUrl(), "bulwark", TestEnvironment.secret("db-bulwark.pw"));
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        List<List<String>> rows = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            row.add(rs.getString(i));
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one statement that returns no rows (the suite's own changes, such as a table renamed). */
  public static void execute(String sql) {
    try (Connection c =
            DriverManager.getConnection(
                TestEnvironment.jdbcUrl(), "bulwark", TestEnvironment.secret("db-bulwark.pw"));
        PreparedStatement statement = c.prepareStatement(sql)) {
      statement.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Polls until the query returns {@code expected} rows or 10 s pass: bindings reach the database
   * by write-behind, a second or so after the phone got its answer.
   */
  public static List<List<String>> awaitRows(
      List<List<String>> expected, String sql, Object... parameters) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    List<List<String>> rows = query(sql, parameters);
    while (!rows.equals(expected) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      rows = query(sql, parameters);
    }
    return rows;
  }

  /** {@link #awaitRows} for a count. */
  public static long awaitExactCount(long expected, String sql, Object... parameters)
      throws InterruptedException {
    return Long.parseLong(
        awaitRows(List.of(List.of(Long.toString(expected))), sql, parameters).get(0).get(0));
  }

  /** Polls until the count reaches {@code expected}; events are written asynchronously. */
  public static long awaitCount(long expected, String sql, Object... parameters)
      throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    long now = count(sql, parameters);
    while (now < expected && System.nanoTime() < deadline) {
      Thread.sleep(100);
      now = count(sql, parameters);
    }
    return now;
  }
}
