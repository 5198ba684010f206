package io.bulwark.pbx.upgrade;

import io.bulwark.pbx.system.Management;
import io.bulwark.pbx.system.UnavailableException;
import io.bulwark.pbx.system.WebPorts;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.dmr.ModelNode;

/**
 * Hands a verified release to the installer program ({@code tools/bulwark-upgrade}, named by {@code
 * BULWARK_UPGRADE_HELPER}), which must outlive this deployment: it snapshots the database, replaces
 * the deployment (through WildFly's management interface, or through the deployment scanner's
 * folder where the scanner owns it), waits for the health check to report the new version, and
 * otherwise puts the previous EAR and the snapshot back. This class prepares what it needs in the
 * install's folder: the new EAR (already there), the running one, the database account, and a plan
 * of shell assignments.
 */
final class Installer {

  /** The deployment's name, as the launcher and the test suite deploy it. */
  static final String DEPLOYMENT = "bulwark.ear";

  /** How long the new release has to answer healthy before it is rolled back. */
  static final int HEALTH_SECONDS = 90;

  private final String program;

  private Installer(String program) {
    this.program = program;
  }

  /**
   * @throws UnavailableException where no installer program is configured
   */
  static Installer fromEnvironment() {
    String program = System.getenv("BULWARK_UPGRADE_HELPER");
    if (program == null || program.isBlank() || !Files.isExecutable(Path.of(program.strip()))) {
      throw new UnavailableException(
          "No upgrade installer is configured here (BULWARK_UPGRADE_HELPER)");
    }
    return new Installer(program.strip());
  }

  /** Prepares the folder and starts the installer, which runs on after this returns. */
  void start(Path folder, Path baseMarker, ReleaseVersion from, ReleaseVersion to)
      throws IOException {
    boolean scanned = copyRunningEar(folder.resolve("previous.ear"));
    DatabaseAccount account = DatabaseAccount.fromEnvironment();
    Path options = folder.resolve("db.cnf");
    Files.writeString(options, account.optionFile());
    Files.setPosixFilePermissions(options, PosixFilePermissions.fromString("rw-------"));
    Map<String, String> plan = new LinkedHashMap<>();
    plan.put(
        "CLI", Path.of(System.getProperty("jboss.home.dir"), "bin", "jboss-cli.sh").toString());
    plan.put("CONTROLLER", "remote+http://127.0.0.1:" + Management.port());
    plan.put("DEPLOYMENT", DEPLOYMENT);
    plan.put("NEW_EAR", folder.resolve("new.ear").toString());
    plan.put("PREVIOUS_EAR", folder.resolve("previous.ear").toString());
    plan.put("FROM_VERSION", from.toString());
    plan.put("TO_VERSION", to.toString());
    plan.put("HEALTH_URL", "https://127.0.0.1:" + WebPorts.inForce().https() + "/health");
    plan.put("HEALTH_SECONDS", Integer.toString(HEALTH_SECONDS));
    plan.put("DB_NAME", account.database());
    plan.put("DB_TOOLS", System.getenv().getOrDefault("BULWARK_DB_TOOLS", ""));
    plan.put(
        "DEPLOYMENTS_DIR",
        Path.of(System.getProperty("jboss.server.base.dir", "."), "deployments").toString());
    plan.put("BASE_MARKER", baseMarker.toString());
    plan.put("SCANNED", scanned ? "1" : "0");
    StringBuilder text = new StringBuilder();
    plan.forEach((name, value) -> text.append(name).append('=').append(quoted(value)).append('\n'));
    Files.writeString(folder.resolve("plan"), text);
    new ProcessBuilder("setsid", program, folder.toString())
        .redirectErrorStream(true)
        .redirectOutput(folder.resolve("upgrade.log").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }

  /**
   * Copies the bytes WildFly deployed (its content repository holds them under their SHA-1).
   *
   * @return whether the deployment scanner owns the deployment (the launcher deploys from its
   *     folder): the installer must then go through that folder, or the scanner takes the
   *     deployment for undeployed and the next start would not deploy it
   */
  private static boolean copyRunningEar(Path target) throws IOException {
    ModelNode request = new ModelNode();
    request.get("operation").set("read-resource");
    request.get("address").add("deployment", DEPLOYMENT);
    ModelNode deployment;
    try (Management management = Management.connect()) {
      deployment = management.execute(request);
    }
    ModelNode content = deployment.get("content").get(0);
    Path source;
    if (content.hasDefined("hash")) {
      String hash = HexFormat.of().formatHex(content.get("hash").asBytes());
      source =
          Path.of(
              System.getProperty("jboss.server.data.dir"),
              "content",
              hash.substring(0, 2),
              hash.substring(2),
              "content");
    } else if (content.hasDefined("path")) {
      String base =
          content.hasDefined("relative-to")
              ? System.getProperty(content.get("relative-to").asString(), "")
              : "";
      source = Path.of(base, content.get("path").asString());
    } else {
      throw new IOException("the running deployment's content cannot be found");
    }
    if (!Files.isRegularFile(source)) {
      throw new IOException("the running deployment is exploded, not an EAR file");
    }
    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    return deployment.hasDefined("owner");
  }

  private static String quoted(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /** The application's own database account, from the datasource's environment. */
  record DatabaseAccount(String host, int port, String database, String user, String password) {

    static DatabaseAccount fromEnvironment() {
      String url =
          System.getenv().getOrDefault("BULWARK_DB_URL", "jdbc:mariadb://127.0.0.1:3306/bulwark");
      URI uri = URI.create(url.substring("jdbc:".length()));
      String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
      return new DatabaseAccount(
          uri.getHost(),
          uri.getPort() < 0 ? 3306 : uri.getPort(),
          path.isEmpty() ? "bulwark" : path,
          System.getenv().getOrDefault("BULWARK_DB_USER", "bulwark"),
          System.getenv().getOrDefault("BULWARK_DB_PASSWORD", ""));
    }

    /**
     * A MariaDB client option file, so the password is on no command line. On loopback, where the
     * embedded database has no TLS, the client must not insist on it.
     */
    String optionFile() {
      boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
      return "[client]\n"
          + (loopback ? "skip-ssl\n" : "")
          + "host="
          + host
          + "\nport="
          + port
          + "\nuser="
          + user
          + "\npassword=\""
          + password.replace("\\", "\\\\").replace("\"", "\\\"")
          + "\"\n";
    }
  }
}
