package io.bulwark.pbx.upgrade;

import io.bulwark.pbx.system.InUseException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Maintenance > Upgrade: finds signed releases at the configured source and installs them. Work
 * that reads the network or the disk runs outside any transaction; {@link UpgradeRecords} commits
 * each change at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UpgradeService {

  private static final Logger LOG = Logger.getLogger(UpgradeService.class);

  /** An install whose installer wrote nothing for this long has stopped. */
  private static final Duration INSTALLER_SILENT = Duration.ofMinutes(15);

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  /** What the Upgrade page and endpoint show. */
  public record Status(
      ReleaseVersion running,
      UpgradeSetting setting,
      Optional<String> releaseKey,
      Optional<UpgradeAttempt> installing,
      Optional<Instant> nextCheck) {}

  @Inject private UpgradeRecords records;
  @Inject private RunningRelease release;

  public Status status() {
    UpgradeSetting setting = records.setting();
    Optional<Instant> next = setting.nextCheck(records.zone());
    return new Status(
        release.version(),
        setting,
        ReleaseKey.fromEnvironment().map(ReleaseKey::fingerprint),
        records.installing(),
        next);
  }

  public Status update(Integer readVersion, UpgradeSettingDraft draft, String actor) {
    records.update(readVersion, draft, actor);
    return status();
  }

  public List<UpgradeAttempt> history() {
    return records.history(100);
  }

  /**
   * Looks at the source for a release newer than the running one.
   *
   * @throws InvalidInputException without a source
   * @throws UnavailableException without a release key, or when the source cannot be read
   */
  public Status check(String actor) {
    ReleaseKey key = key();
    String source = records.setting().getSource();
    if (source.isEmpty()) {
      throw new InvalidInputException("source", "Set where release packages come from first");
    }
    ReleaseVersion running = release.version();
    ReleaseFinder.Look look;
    try {
      look =
          new ReleaseFinder(key, UpgradeDirectory.fromEnvironment().downloads(), HTTP)
              .look(source, running);
    } catch (IOException | RuntimeException e) {
      LOG.warnf("The release source %s cannot be read: %s", source, e.toString());
      throw new UnavailableException("The release source cannot be read: " + reason(e));
    }
    look.refusals().forEach(refusal -> records.refused(actor, "Package " + refusal));
    records.checked(look.newest(), running, actor);
    return status();
  }

  /**
   * Installs the release a check found, if it is still the one named: verified again as it is
   * copied, newer than the running one, and handed to the installer.
   *
   * @throws InvalidInputException when {@code version} is not the one available, or its package no
   *     longer verifies
   * @throws InUseException while another install runs
   * @throws UnavailableException without a release key or an installer
   */
  public UpgradeAttempt install(String version, String actor) {
    if (version == null || version.isBlank()) {
      throw new InvalidInputException("version", "Name the version to install");
    }
    ReleaseKey key = key();
    Installer installer = Installer.fromEnvironment();
    UpgradeSetting setting = records.setting();
    if (!setting.availableVersion().equals(Optional.of(version.strip()))) {
      throw new InvalidInputException(
          "version",
          "Bulwark " + version.strip() + " is not the release available; check for updates first");
    }
    ReleaseVersion running = release.version();
    ReleaseVersion wanted = ReleaseVersion.parse(version.strip());
    Path packageFile = Path.of(setting.availablePackage().orElseThrow());
    long id = records.begin(running, wanted, actor);
    try {
      UpgradeDirectory directory = UpgradeDirectory.fromEnvironment();
      Path folder = directory.attempt(id);
      ReleasePackage.Manifest manifest =
          ReleasePackage.verifyAndExtract(packageFile, key, folder.resolve("new.ear"));
      if (!manifest.version().equals(wanted) || !wanted.isNewerThan(running)) {
        throw new ReleasePackage.RefusedException(
            "It holds Bulwark " + manifest.version() + ", not a release newer than " + running);
      }
      installer.start(folder, directory.baseMarker(), running, wanted);
    } catch (ReleasePackage.RefusedException e) {
      records.end(id, UpgradeAttempt.Outcome.ABANDONED, "refused: " + e.getMessage());
      records.refused(actor, "Package " + packageFile.getFileName() + ": " + e.getMessage());
      throw new InvalidInputException("version", "The package is refused: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      LOG.warnf("Install %d could not start: %s", id, e.toString());
      records.end(id, UpgradeAttempt.Outcome.ABANDONED, "nothing changed: " + reason(e));
      throw new UnavailableException("The install could not start; nothing changed: " + reason(e));
    }
    return records.installing().orElseThrow();
  }

  /**
   * Records what installers reported: the outcome of an install is recorded by whichever release
   * runs afterwards.
   */
  public void recordOutcomes() {
    UpgradeDirectory directory = UpgradeDirectory.fromEnvironment();
    try {
      for (Path folder : directory.unrecordedResults()) {
        Properties result = new Properties();
        try (var in = Files.newInputStream(folder.resolve("result"))) {
          result.load(in);
        }
        UpgradeAttempt.Outcome outcome;
        try {
          outcome = UpgradeAttempt.Outcome.valueOf(result.getProperty("outcome", "FAILED"));
        } catch (IllegalArgumentException e) {
          outcome = UpgradeAttempt.Outcome.FAILED;
        }
        records.end(UpgradeDirectory.number(folder), outcome, result.getProperty("detail", ""));
        Files.createFile(folder.resolve("result.recorded"));
      }
    } catch (IOException e) {
      LOG.warnf("Upgrade outcomes cannot be read: %s", e.toString());
    }
  }

  /** Ends an install whose installer stopped without writing an outcome. */
  public void endSilentInstalls() {
    UpgradeDirectory directory = UpgradeDirectory.fromEnvironment();
    records
        .installing()
        .filter(a -> a.getStartedAt().plus(INSTALLER_SILENT).isBefore(records.now()))
        .filter(a -> !directory.hasResult(a.getId()))
        .ifPresent(
            a ->
                records.end(
                    a.getId(),
                    UpgradeAttempt.Outcome.FAILED,
                    "the installer stopped without an outcome; see its log"));
  }

  /** The daily check of the policy, and the install it asks for. */
  public void checkIfDue() {
    UpgradeSetting setting = records.setting();
    if (!setting.checkDue(records.now(), records.zone())) {
      return;
    }
    Status status;
    try {
      status = check("system");
    } catch (RuntimeException e) {
      LOG.warnf("The daily upgrade check failed: %s", e.getMessage());
      records.checkFailed();
      return;
    }
    Optional<String> available = status.setting().availableVersion();
    if (status.setting().getPolicy() == UpgradePolicy.AUTO && available.isPresent()) {
      try {
        install(available.get(), "system");
      } catch (RuntimeException e) {
        LOG.warnf("The automatic install of %s failed: %s", available.get(), e.getMessage());
      }
    }
  }

  private static ReleaseKey key() {
    return ReleaseKey.fromEnvironment()
        .orElseThrow(
            () ->
                new UnavailableException(
                    "No release signing key is configured here (BULWARK_RELEASE_KEY), so no package"
                        + " can be trusted"));
  }

  /** An I/O failure's own words (a path, an address, a status); anything else stays in the log. */
  private static String reason(Exception e) {
    String message = e.getMessage();
    return e instanceof IOException && message != null && !message.isBlank()
        ? message
        : "an unexpected error, written to the server log";
  }
}
