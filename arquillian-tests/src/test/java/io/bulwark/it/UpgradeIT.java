package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Maintenance > Upgrade with release packages this test builds from the suite's EAR and signs with
 * the instance's release key (the launcher made the pair): a package signed with another key, and
 * one whose EAR was changed after signing, are refused; a signed newer release is installed through
 * WildFly's management interface and answers healthy with its version; a release whose migration
 * fails is rolled back to the previous EAR with the database as it was. The history shows both.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UpgradeIT {

  private static final long LIMIT_SECONDS = 120;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  @Test
  void signedReleasesAreInstalledOrRolledBackAndForgedOnesRefused() throws Exception {
    String admin = KeycloakAdmin.tokenWithRole("administrator");
    Path releases = Files.createTempDirectory("bulwark-releases");
    JsonObject before = Http.object(Http.api(admin, "GET", "/system/upgrade", null));
    String running = before.getString("runningVersion");
    assertTrue(before.containsKey("releaseKey") && !before.isNull("releaseKey"), before.toString());

    HttpResponse<String> wrong =
        Http.api(
            admin,
            "PUT",
            "/system/upgrade",
            settings("NOTIFY", "03:00", "http://releases.invalid/", before));
    Problems.assertProblem(400, wrong);
    assertTrue(wrong.body().contains("source"), wrong.body());
    assertEquals(before, Http.object(Http.api(admin, "GET", "/system/upgrade", null)));
    // The daily check is due half a day from now, so only this test's checks run meanwhile.
    String later = java.time.LocalTime.now().plusHours(12).withSecond(0).withNano(0).toString();
    JsonObject saved =
        Http.object(
            Http.api(
                admin,
                "PUT",
                "/system/upgrade",
                settings("NOTIFY", later, releases.toString(), before)));
    assertEquals("NOTIFY", saved.getString("policy"));
    assertEquals(later, saved.getString("checkAt"));

    PrivateKey releaseKey = releaseKey();
    byte[] ear = Files.readAllBytes(TestEnvironment.ear());
    byte[] release = withVersion(ear, "99.0.0");

    long refusedBefore =
        Database.count("select count(*) from event_log where type = 'UPGRADE_REFUSED'");
    Files.write(
        releases.resolve("forged.zip"), releasePackage(release, "99.0.0", otherKey(), false));
    Files.write(
        releases.resolve("altered.zip"), releasePackage(release, "99.0.0", releaseKey, true));
    JsonObject checked = check(admin);
    assertFalse(checked.containsKey("availableVersion"), checked.toString());
    assertEquals(
        refusedBefore + 2,
        Database.awaitExactCount(
            refusedBefore + 2, "select count(*) from event_log where type = 'UPGRADE_REFUSED'"));
    assertEquals(
        1,
        Database.awaitExactCount(
            1,
            "select count(*) from event_log where type = 'UPGRADE_REFUSED'"
                + " and detail like '%forged.zip: Its signature does not verify%'"));
    Files.delete(releases.resolve("forged.zip"));
    Files.delete(releases.resolve("altered.zip"));

    Files.write(
        releases.resolve("bulwark-99.0.0.zip"),
        releasePackage(release, "99.0.0", releaseKey, false));
    assertEquals("99.0.0", check(admin).getString("availableVersion"));
    long installed = install(admin, "99.0.0", "INSTALLED");
    assertEquals("99.0.0", health().getString("version"));
    assertEquals("UP", health().getString("status"));

    byte[] broken = withBrokenMigration(withVersion(ear, "99.0.1"));
    Files.write(
        releases.resolve("bulwark-99.0.1.zip"),
        releasePackage(broken, "99.0.1", releaseKey, false));
    assertEquals("99.0.1", check(admin).getString("availableVersion"));
    long rolledBack = install(admin, "99.0.1", "ROLLED_BACK");
    assertEquals("99.0.0", health().getString("version"));
    assertEquals(
        0,
        Database.count(
            "select count(*) from information_schema.tables where table_schema = database()"
                + " and table_name = 'upgrade_probe'"),
        "the failed migration's table went with the database snapshot put back");
    assertEquals(
        0, Database.count("select count(*) from flyway_schema_history where version = '9999'"));

    JsonArray history = Http.array(Http.api(token(), "GET", "/system/upgrade/history", null));
    assertEquals("ROLLED_BACK", history.getJsonObject(0).getString("outcome"));
    assertEquals("99.0.1", history.getJsonObject(0).getString("toVersion"));
    assertEquals("INSTALLED", history.getJsonObject(1).getString("outcome"));
    assertEquals(running, history.getJsonObject(1).getString("fromVersion"));
    assertEquals(
        1,
        Database.awaitExactCount(
            1,
            "select count(*) from event_log where type = 'UPGRADE_INSTALLED'"
                + " and detail like 'Bulwark 99.0.0 over%'"));
    assertEquals(
        1,
        Database.awaitExactCount(
            1,
            "select count(*) from event_log where type = 'UPGRADE_ROLLED_BACK'"
                + " and detail like 'Bulwark 99.0.1 over 99.0.0%'"));
    System.out.printf(
        "Upgrade: %s -> 99.0.0 live and healthy in %d s; 99.0.1 (its migration fails) rolled back"
            + " to 99.0.0 and its database in %d s; history: %s, %s%n",
        running,
        installed,
        rolledBack,
        history.getJsonObject(1).getString("outcome"),
        history.getJsonObject(0).getString("outcome"));
  }

  /** Installs {@code version}, waits for the outcome, and returns the seconds it took. */
  private static long install(String admin, String version, String expected) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> accepted =
        Http.api(
            admin,
            "POST",
            "/system/upgrade/install",
            Json.createObjectBuilder().add("version", version).build());
    assertEquals(202, accepted.statusCode(), accepted.body());
    long deadline = start + 180_000_000_000L;
    String outcome = "INSTALLING";
    while (outcome.equals("INSTALLING") && System.nanoTime() < deadline) {
      Thread.sleep(2000);
      try {
        HttpResponse<String> history = Http.api(token(), "GET", "/system/upgrade/history", null);
        if (history.statusCode() == 200) {
          JsonObject newest = Http.array(history).getJsonObject(0);
          if (newest.getString("toVersion").equals(version)) {
            outcome = newest.getString("outcome");
          }
        }
      } catch (UncheckedIOException | IllegalStateException e) {
        // the deployment is being replaced
      }
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertEquals(expected, outcome, "the install of " + version + " after " + seconds + " s");
    assertTrue(seconds < LIMIT_SECONDS, version + " took " + seconds + " s");
    assertFalse(
        Http.object(Http.api(token(), "GET", "/system/upgrade", null)).containsKey("installing"),
        "no install runs any more");
    return seconds;
  }

  private static String token() {
    return KeycloakAdmin.tokenWithRole("administrator");
  }

  private static JsonObject check(String admin) {
    HttpResponse<String> checked =
        Http.api(admin, "POST", "/system/upgrade/check", Json.createObjectBuilder().build());
    assertEquals(200, checked.statusCode(), checked.body());
    return Http.object(checked);
  }

  private static JsonObject health() {
    HttpResponse<String> health =
        Http.send(Http.request(TestEnvironment.publicUrl() + "/health").GET());
    return Http.object(health);
  }

  private static JsonObject settings(String policy, String at, String source, JsonObject read) {
    return Json.createObjectBuilder()
        .add("policy", policy)
        .add("checkAt", at)
        .add("source", source)
        .add("version", read.getInt("version"))
        .build();
  }

  /** The instance's release key, which the launcher made at its first start. */
  private static PrivateKey releaseKey() throws IOException, GeneralSecurityException {
    String pem = Files.readString(TestEnvironment.home().resolve("secrets/release-signing.pem"));
    byte[] der =
        Base64.getMimeDecoder()
            .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  private static PrivateKey otherKey() throws GeneralSecurityException {
    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
  }

  /** A package as a release manager makes one; {@code alter} changes the EAR after signing. */
  private static byte[] releasePackage(byte[] ear, String version, PrivateKey key, boolean alter)
      throws IOException, GeneralSecurityException {
    byte[] manifest =
        ("version=" + version + "\near.sha256=" + HexFormat.of().formatHex(sha256(ear)) + "\n")
            .getBytes(StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(key);
    signer.update(manifest);
    byte[] signature = Base64.getEncoder().encode(signer.sign());
    byte[] shipped = ear.clone();
    if (alter) {
      shipped[shipped.length / 2] ^= 1;
    }
    return zip(
        Map.of("release.properties", manifest, "release.sig", signature, "bulwark.ear", shipped));
  }

  /** The EAR with another version in its application.xml. */
  private static byte[] withVersion(byte[] ear, String version) throws IOException {
    return rewrite(
        ear,
        name -> name.equals("META-INF/application.xml"),
        bytes ->
            new String(bytes, StandardCharsets.UTF_8)
                .replaceFirst(
                    "<env-entry-value>[^<]*</env-entry-value>",
                    "<env-entry-value>" + version + "</env-entry-value>")
                .getBytes(StandardCharsets.UTF_8));
  }

  /** The EAR with a migration that creates a table and then fails, in the db module's jar. */
  private static byte[] withBrokenMigration(byte[] ear) throws IOException {
    return rewrite(
        ear,
        name -> name.matches("lib/io\\.bulwark-db-[^/]*\\.jar"),
        jar -> {
          try {
            return add(
                jar,
                "db/migration/V9999__broken_release.sql",
                "CREATE TABLE upgrade_probe (id INT);\nTHIS IS NOT SQL;\n"
                    .getBytes(StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static byte[] rewrite(
      byte[] archive, java.util.function.Predicate<String> which, UnaryOperator<byte[]> change)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int changed = 0;
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(archive));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        byte[] bytes = in.readAllBytes();
        if (which.test(entry.getName())) {
          bytes = change.apply(bytes);
          changed++;
        }
        zip.putNextEntry(new ZipEntry(entry.getName()));
        zip.write(bytes);
        zip.closeEntry();
      }
    }
    assertEquals(1, changed, "one entry of the archive changed");
    return out.toByteArray();
  }

  private static byte[] add(byte[] archive, String name, byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(archive));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        zip.putNextEntry(new ZipEntry(entry.getName()));
        in.transferTo(zip);
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content);
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static byte[] sha256(byte[] bytes) throws GeneralSecurityException {
    return MessageDigest.getInstance("SHA-256").digest(bytes);
  }
}
