package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InUseException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.UnavailableException;
import io.bulwark.pbx.upgrade.UpgradeAttempt;
import io.bulwark.pbx.upgrade.UpgradePolicy;
import io.bulwark.pbx.upgrade.UpgradeService;
import io.bulwark.pbx.upgrade.UpgradeSettingDraft;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Maintenance > Upgrade: the running release, automatic upgrade, and the install history. */
@Named
@ViewScoped
public class UpgradeView implements Serializable {

  @Inject private transient UpgradeService upgrades;

  private String runningVersion;
  private String releaseKey;
  private String availableVersion;
  private Instant lastCheckAt;
  private Instant nextCheck;
  private boolean installing;
  private UpgradePolicy policy;
  private String checkAt;
  private String source;
  private int version;
  private transient List<UpgradeAttempt> history;

  @PostConstruct
  void load() {
    show(upgrades.status());
  }

  private void show(UpgradeService.Status status) {
    runningVersion = status.running().toString();
    releaseKey = status.releaseKey().orElse(null);
    availableVersion = status.setting().availableVersion().orElse(null);
    lastCheckAt = status.setting().getLastCheckAt();
    nextCheck = status.nextCheck().orElse(null);
    installing = status.installing().isPresent();
    policy = status.setting().getPolicy();
    checkAt = status.setting().getCheckAt().toString();
    source = status.setting().getSource();
    version = status.setting().getVersion();
    history = upgrades.history();
  }

  public void save() {
    LocalTime at;
    try {
      at = LocalTime.parse(checkAt == null ? "" : checkAt.strip());
    } catch (DateTimeParseException e) {
      at = null;
    }
    try {
      show(
          upgrades.update(
              version, new UpgradeSettingDraft(policy, at, source), FormMessages.actor()));
      FormMessages.info("Saved: " + policy.getLabel().toLowerCase(java.util.Locale.ROOT));
    } catch (InvalidInputException e) {
      FormMessages.fields("settings", e.violations());
    } catch (ConcurrentChangeException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public void check() {
    try {
      show(upgrades.check(FormMessages.actor()));
      FormMessages.info(
          availableVersion == null
              ? "Bulwark " + runningVersion + " is the newest release"
              : "Bulwark " + availableVersion + " is available");
    } catch (InvalidInputException | UnavailableException e) {
      FormMessages.refused(message(e));
    }
  }

  public void install() {
    try {
      upgrades.install(availableVersion, FormMessages.actor());
      FormMessages.info(
          "Installing Bulwark "
              + availableVersion
              + ": the portal restarts with it; sign in again in a minute or two");
    } catch (InvalidInputException | InUseException | UnavailableException e) {
      FormMessages.refused(message(e));
    }
    show(upgrades.status());
  }

  public void refresh() {
    show(upgrades.status());
  }

  private static String message(RuntimeException e) {
    return e instanceof InvalidInputException invalid && !invalid.violations().isEmpty()
        ? invalid.violations().get(0).message()
        : e.getMessage();
  }

  public UpgradePolicy[] getPolicies() {
    return UpgradePolicy.values();
  }

  public String getRunningVersion() {
    return runningVersion;
  }

  public String getReleaseKey() {
    return releaseKey;
  }

  public String getAvailableVersion() {
    return availableVersion;
  }

  public Instant getLastCheckAt() {
    return lastCheckAt;
  }

  public Instant getNextCheck() {
    return nextCheck;
  }

  public boolean isInstalling() {
    return installing;
  }

  public List<UpgradeAttempt> getHistory() {
    if (history == null) {
      history = upgrades.history();
    }
    return history;
  }

  public UpgradePolicy getPolicy() {
    return policy;
  }

  public void setPolicy(UpgradePolicy policy) {
    this.policy = policy;
  }

  public String getCheckAt() {
    return checkAt;
  }

  public void setCheckAt(String checkAt) {
    this.checkAt = checkAt;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }
}
