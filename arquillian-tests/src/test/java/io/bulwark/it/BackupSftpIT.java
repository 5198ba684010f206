package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Backups copied to an SFTP server: a real SSH server (Apache MINA SSHD, started here on loopback)
 * that Bulwark trusts only once its host key is saved. A wrong key or password sends nothing; with
 * the right ones every backup lands there byte for byte, and one fetched back restores.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackupSftpIT {

  private static final String PASSPHRASE = "Offsite copies 2026";
  private static final String USER = "pbx-backup";
  private static final String PASSWORD = "Sftp#Secret-77";
  private static final String FOLDER = "pbx/backups";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String admin = KeycloakAdmin.tokenWithRole("administrator");

  @Test
  void backupsAreCopiedOnlyToTheTrustedServerAndComeBackFromIt() throws Exception {
    Path root = Files.createTempDirectory(Path.of("target"), "sftp-").toAbsolutePath();
    SimpleGeneratorHostKeyProvider keys =
        new SimpleGeneratorHostKeyProvider(root.resolveSibling(root.getFileName() + ".hostkey"));
    keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
    SshServer server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(keys);
    server.setPasswordAuthenticator(
        (user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
    server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    server.setFileSystemFactory(new VirtualFileSystemFactory(root));
    server.start();
    try {
      int port = server.getPort();
      String hostKey =
          KeyUtils.getFingerPrint(
              BuiltinDigests.sha256, keys.loadKeys(null).iterator().next().getPublic());

      Problems.assertProblem(
          400,
          Http.api(admin, "PUT", "/backups/sftp", settings(port, PASSWORD, "", true)),
          "hostKey");
      assertFalse(
          Http.object(Http.api(admin, "GET", "/backups/sftp", null)).getBoolean("enabled"),
          "a refused change saved nothing");

      JsonObject unknown =
          Http.object(
              Http.api(admin, "POST", "/backups/sftp/test", settings(port, PASSWORD, "", true)));
      assertFalse(unknown.getBoolean("succeeded"), unknown.toString());
      assertEquals(hostKey, unknown.getString("hostKey"), "the test shows the key presented");
      JsonObject wrongPassword =
          Http.object(
              Http.api(
                  admin,
                  "POST",
                  "/backups/sftp/test",
                  settings(port, "Not-it-1234", hostKey, true)));
      assertFalse(wrongPassword.getBoolean("succeeded"));
      assertEquals(
          "The server refused the user name or password", wrongPassword.getString("message"));
      JsonObject works =
          Http.object(
              Http.api(
                  admin, "POST", "/backups/sftp/test", settings(port, PASSWORD, hostKey, true)));
      assertTrue(works.getBoolean("succeeded"), works.toString());
      assertTrue(Files.isDirectory(root.resolve(FOLDER)), "the test made the folder");

      String impostor = "SHA256:" + "A".repeat(43);
      saved(settings(port, PASSWORD, impostor, true));
      JsonObject refused = backUp();
      assertTrue(
          refused
              .getString("outcome")
              .contains(
                  "not copied to the SFTP server: The server presented the host key " + hostKey),
          refused.toString());
      try (var files = Files.list(root.resolve(FOLDER))) {
        assertEquals(0, files.count(), "nothing sent to a server with another key");
      }
      assertEquals(
          1,
          Database.awaitCount(
              1,
              "select count(*) from event_log where type = 'BACKUP_COPY_FAILED' and detail like ?",
              "%" + refused.getString("backup") + "%"));

      saved(settings(port, null, hostKey, true));
      JsonObject copied = backUp();
      String name = copied.getString("backup");
      assertTrue(copied.getString("outcome").contains("copied to sftp://"), copied.toString());
      byte[] local =
          Http.bytes(
              Http.request(TestEnvironment.publicUrl() + "/api/v1/backups/" + name + "/file")
                  .header("Authorization", "Bearer " + admin));
      assertArrayEquals(local, Files.readAllBytes(root.resolve(FOLDER).resolve(name)));
      try (var files = Files.list(root.resolve(FOLDER))) {
        assertEquals(
            List.of(name),
            files.map(f -> f.getFileName().toString()).toList(),
            "no part file left");
      }
      List<String> remote =
          Http.array(Http.api(admin, "GET", "/backups/sftp/backups", null))
              .getValuesAs(JsonObject.class)
              .stream()
              .map(b -> b.getString("name"))
              .toList();
      assertEquals(List.of(name), remote);

      assertEquals(204, Http.api(admin, "DELETE", "/backups/" + name, null).statusCode());
      HttpResponse<String> fetched =
          Http.api(admin, "POST", "/backups/sftp/backups/" + name + "/fetch", null);
      assertEquals(201, fetched.statusCode(), fetched.body());
      Problems.assertProblem(
          400, Http.api(admin, "POST", "/backups/sftp/backups/" + name + "/fetch", null), "name");
      Problems.assertProblem(
          404, Http.api(admin, "POST", "/backups/sftp/backups/nothing-here.bwbk/fetch", null));
      HttpResponse<String> check =
          Http.api(
              admin,
              "POST",
              "/backups/" + name + "/check",
              Json.createObjectBuilder().add("passphrase", PASSPHRASE).build());
      assertEquals(200, check.statusCode(), "the fetched backup reads whole: " + check.body());
      for (String type : List.of("BACKUP_SFTP_UPDATED", "BACKUP_COPIED", "BACKUP_FETCHED")) {
        assertTrue(
            Database.awaitCount(1, "select count(*) from event_log where type = ?", type) >= 1,
            type);
      }
      System.out.printf(
          "SFTP: %d-byte backup copied byte for byte to %s and fetched back; an impostor key and a"
              + " wrong password sent nothing%n",
          local.length, FOLDER);

      saved(settings(port, null, hostKey, false));
    } finally {
      server.stop(true);
    }
  }

  private JsonObject settings(int port, String password, String hostKey, boolean enabled) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("enabled", enabled)
            .add("host", "127.0.0.1")
            .add("port", port)
            .add("username", USER)
            .add("directory", FOLDER)
            .add("hostKey", hostKey);
    if (password != null) {
      body.add("password", password);
    }
    return body.build();
  }

  private void saved(JsonObject settings) {
    int version = Http.object(Http.api(admin, "GET", "/backups/sftp", null)).getInt("version");
    HttpResponse<String> put =
        Http.api(
            admin,
            "PUT",
            "/backups/sftp",
            Json.createObjectBuilder(settings).add("version", version).build());
    assertEquals(200, put.statusCode(), put.body());
  }

  /** Makes a backup of the configuration and returns the progress once it ended. */
  private JsonObject backUp() throws InterruptedException {
    HttpResponse<String> started =
        Http.api(
            admin,
            "POST",
            "/backups",
            Json.createObjectBuilder()
                .add("contents", Json.createArrayBuilder().add("CONFIGURATION"))
                .add("passphrase", PASSPHRASE)
                .build());
    assertEquals(202, started.statusCode(), started.body());
    long deadline = System.nanoTime() + 60_000_000_000L;
    JsonObject progress = Http.object(Http.api(admin, "GET", "/backups/progress", null));
    while (progress.getBoolean("running") && System.nanoTime() < deadline) {
      Thread.sleep(200);
      progress = Http.object(Http.api(admin, "GET", "/backups/progress", null));
    }
    assertFalse(progress.getBoolean("running"), "ended within 60 s: " + progress);
    assertFalse(progress.getBoolean("failed"), progress.toString());
    return progress;
  }
}
