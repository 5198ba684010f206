package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.callpolicy.CallPolicy;
import io.bulwark.pbx.callpolicy.CallPolicyTable;
import io.bulwark.pbx.callpolicy.CallSecurityService;
import io.bulwark.pbx.callpolicy.CallSecuritySettings;
import io.bulwark.pbx.callpolicy.CallSecuritySettingsDraft;
import io.bulwark.pbx.callpolicy.SpendGuardSettings;
import io.bulwark.pbx.callpolicy.SpendLedger;
import io.bulwark.pbx.callpolicy.SpendLimits;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Call Control > Call Security: the outbound call frequency rule, and "Why was this call denied?",
 * which shows what each rule of the call policy says of a call now.
 */
@Named
@ViewScoped
public class CallSecurityView implements Serializable {

  @Inject private transient CallSecurityService security;
  @Inject private transient CallPolicyTable policy;

  private int version;
  private boolean frequencyEnabled;
  private Integer frequencyCalls;
  private Integer frequencySeconds;
  private String internationalPrefix;
  private Integer maxCallSeconds;
  private int spendVersion;
  private Integer extensionMinutesPerDay;
  private Integer globalMinutesPerDay;
  private Integer extensionInternationalPerHour;
  private Integer extensionInternationalPerDay;
  private Integer globalInternationalPerHour;
  private Integer globalInternationalPerDay;
  private boolean alertOnAnomaly;
  private boolean blockOnAnomaly;
  private String extension;
  private String number;
  private String at;
  private transient CallPolicyTable.CallCheck checked;

  @PostConstruct
  void load() {
    loadSettings();
    loadSpendGuard();
  }

  private void loadSettings() {
    CallSecuritySettings settings = security.settings();
    version = settings.getVersion();
    frequencyEnabled = settings.isFrequencyEnabled();
    frequencyCalls = settings.getFrequencyCalls();
    frequencySeconds = settings.getFrequencySeconds();
    internationalPrefix = settings.getInternationalPrefix();
    maxCallSeconds = settings.getMaxCallSeconds();
  }

  /**
   * The spend guard's form alone: saving one form leaves the other as read, so that its next save
   * still meets a colleague's change with a refusal.
   */
  private void loadSpendGuard() {
    SpendGuardSettings guard = security.spendGuard();
    SpendLimits limits = guard.limits();
    spendVersion = guard.getVersion();
    extensionMinutesPerDay = limits.extensionMinutesPerDay();
    globalMinutesPerDay = limits.globalMinutesPerDay();
    extensionInternationalPerHour = limits.extensionInternationalPerHour();
    extensionInternationalPerDay = limits.extensionInternationalPerDay();
    globalInternationalPerHour = limits.globalInternationalPerHour();
    globalInternationalPerDay = limits.globalInternationalPerDay();
    alertOnAnomaly = limits.alertOnAnomaly();
    blockOnAnomaly = limits.blockOnAnomaly();
  }

  public void saveSpendGuard() {
    try {
      security.updateSpendGuard(
          spendVersion,
          new SpendLimits(
              extensionMinutesPerDay,
              globalMinutesPerDay,
              extensionInternationalPerHour,
              extensionInternationalPerDay,
              globalInternationalPerHour,
              globalInternationalPerDay,
              alertOnAnomaly,
              blockOnAnomaly),
          FormMessages.actor());
      loadSpendGuard();
      FormMessages.info("Spend guard saved");
    } catch (InvalidInputException e) {
      FormMessages.fields("spend", e.violations());
    } catch (ConcurrentChangeException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  /** What all extensions spent lately, in words. */
  public String getSpentNow() {
    SpendLedger.Usage used = policy.totalSpend();
    return used.minutes()
        + " outbound minutes in the last 24 hours; "
        + used.internationalLastHour()
        + " international calls in the last hour, "
        + used.internationalLastDay()
        + " in the last 24 hours";
  }

  public Integer getExtensionMinutesPerDay() {
    return extensionMinutesPerDay;
  }

  public void setExtensionMinutesPerDay(Integer value) {
    this.extensionMinutesPerDay = value;
  }

  public Integer getGlobalMinutesPerDay() {
    return globalMinutesPerDay;
  }

  public void setGlobalMinutesPerDay(Integer value) {
    this.globalMinutesPerDay = value;
  }

  public Integer getExtensionInternationalPerHour() {
    return extensionInternationalPerHour;
  }

  public void setExtensionInternationalPerHour(Integer value) {
    this.extensionInternationalPerHour = value;
  }

  public Integer getExtensionInternationalPerDay() {
    return extensionInternationalPerDay;
  }

  public void setExtensionInternationalPerDay(Integer value) {
    this.extensionInternationalPerDay = value;
  }

  public Integer getGlobalInternationalPerHour() {
    return globalInternationalPerHour;
  }

  public void setGlobalInternationalPerHour(Integer value) {
    this.globalInternationalPerHour = value;
  }

  public Integer getGlobalInternationalPerDay() {
    return globalInternationalPerDay;
  }

  public void setGlobalInternationalPerDay(Integer value) {
    this.globalInternationalPerDay = value;
  }

  public boolean isAlertOnAnomaly() {
    return alertOnAnomaly;
  }

  public void setAlertOnAnomaly(boolean value) {
    this.alertOnAnomaly = value;
  }

  public boolean isBlockOnAnomaly() {
    return blockOnAnomaly;
  }

  public void setBlockOnAnomaly(boolean value) {
    this.blockOnAnomaly = value;
  }

  public void save() {
    try {
      security.update(
          version,
          new CallSecuritySettingsDraft(
              frequencyEnabled,
              frequencyCalls,
              frequencySeconds,
              internationalPrefix,
              maxCallSeconds),
          FormMessages.actor());
      loadSettings();
      FormMessages.info("Call security settings saved");
    } catch (InvalidInputException e) {
      FormMessages.fields("settings", e.violations());
    } catch (ConcurrentChangeException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public void check() {
    if (extension == null || extension.isBlank() || number == null || number.isBlank()) {
      checked = null;
      FormMessages.refused("Give the calling extension and the number it dials.");
      return;
    }
    Instant when = policy.now();
    if (at != null && !at.isBlank()) {
      var parsed = policy.instantOf(at);
      if (parsed.isEmpty()) {
        checked = null;
        FormMessages.fields(
            "why",
            List.of(
                new FieldViolation(
                    "at", "A time such as 2026-12-24T22:00, in the business hours' time zone")));
        return;
      }
      when = parsed.get();
    }
    checked = policy.check(extension.strip(), number.strip(), when);
  }

  /** What the check found, in words: the call's fate and why. */
  public String getOutcome() {
    if (checked == null) {
      return null;
    }
    if (!checked.routed()) {
      return "No outbound route takes " + number.strip() + ": the call would get 404.";
    }
    return checked.judgements().stream()
        .filter(j -> !j.verdict().allowed())
        .findFirst()
        .map(j -> "Denied with " + j.verdict().status() + " by " + j.rule() + ".")
        .orElse(
            (checked.judgements().stream().anyMatch(j -> j.verdict().challenges())
                    ? "Allowed once the caller keys the route's PIN: it would go out through route "
                    : "Allowed: it would go out through route ")
                + checked.route()
                + " as "
                + checked.sentNumber()
                + ".");
  }

  /** A rule's verdict in words. */
  public String verdict(CallPolicy.Judgement judgement) {
    if (judgement.verdict().challenges()) {
      return "Asks for a PIN";
    }
    return judgement.verdict().allowed()
        ? "Allows"
        : "Denies (" + judgement.verdict().status() + ")";
  }

  public List<CallPolicy.Judgement> getJudgements() {
    return checked == null ? List.of() : checked.judgements();
  }

  public boolean isFrequencyEnabled() {
    return frequencyEnabled;
  }

  public void setFrequencyEnabled(boolean frequencyEnabled) {
    this.frequencyEnabled = frequencyEnabled;
  }

  public Integer getFrequencyCalls() {
    return frequencyCalls;
  }

  public void setFrequencyCalls(Integer frequencyCalls) {
    this.frequencyCalls = frequencyCalls;
  }

  public Integer getFrequencySeconds() {
    return frequencySeconds;
  }

  public void setFrequencySeconds(Integer frequencySeconds) {
    this.frequencySeconds = frequencySeconds;
  }

  public String getInternationalPrefix() {
    return internationalPrefix;
  }

  public void setInternationalPrefix(String internationalPrefix) {
    this.internationalPrefix = internationalPrefix;
  }

  public Integer getMaxCallSeconds() {
    return maxCallSeconds;
  }

  public void setMaxCallSeconds(Integer maxCallSeconds) {
    this.maxCallSeconds = maxCallSeconds;
  }

  public String getExtension() {
    return extension;
  }

  public void setExtension(String extension) {
    this.extension = extension;
  }

  public String getAt() {
    return at;
  }

  public void setAt(String at) {
    this.at = at;
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }
}
