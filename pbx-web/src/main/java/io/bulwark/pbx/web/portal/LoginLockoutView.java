package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.defense.DefenseService;
import io.bulwark.pbx.defense.LoginLockoutDraft;
import io.bulwark.pbx.defense.LoginLockoutSettings;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** Security > Auto Defense, Login lockout: failed logins per address that block it. */
@Named
@ViewScoped
public class LoginLockoutView implements Serializable {

  @Inject private transient DefenseService defense;

  private int version;
  private Integer attempts;
  private Integer seconds;
  private Integer blockMinutes;
  private Integer maxAttempts;
  private Integer maxHours;

  @PostConstruct
  void load() {
    LoginLockoutSettings settings = defense.loginLockout();
    version = settings.getVersion();
    attempts = settings.getAttempts();
    seconds = settings.getSeconds();
    blockMinutes = settings.getBlockMinutes();
    maxAttempts = settings.getMaxAttempts();
    maxHours = settings.getMaxHours();
  }

  public void save() {
    try {
      defense.updateLoginLockout(
          version,
          new LoginLockoutDraft(attempts, seconds, blockMinutes, maxAttempts, maxHours),
          FormMessages.actor());
      load();
      FormMessages.info("Login lockout saved");
    } catch (InvalidInputException e) {
      FormMessages.fields("loginLockout", e.violations());
    } catch (ConcurrentChangeException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public Integer getAttempts() {
    return attempts;
  }

  public void setAttempts(Integer attempts) {
    this.attempts = attempts;
  }

  public Integer getSeconds() {
    return seconds;
  }

  public void setSeconds(Integer seconds) {
    this.seconds = seconds;
  }

  public Integer getBlockMinutes() {
    return blockMinutes;
  }

  public void setBlockMinutes(Integer blockMinutes) {
    this.blockMinutes = blockMinutes;
  }

  public Integer getMaxAttempts() {
    return maxAttempts;
  }

  public void setMaxAttempts(Integer maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  public Integer getMaxHours() {
    return maxHours;
  }

  public void setMaxHours(Integer maxHours) {
    this.maxHours = maxHours;
  }
}
