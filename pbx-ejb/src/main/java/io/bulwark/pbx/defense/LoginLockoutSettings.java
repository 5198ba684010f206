package io.bulwark.pbx.defense;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The one row of the login lockout, as Security > Auto Defense and the API change it. */
@Entity
@Table(name = "login_lockout")
public class LoginLockoutSettings {

  static final int ID = 1;

  @Id private int id;

  @Column(nullable = false)
  private int attempts;

  @Column(nullable = false)
  private int seconds;

  @Column(name = "block_minutes", nullable = false)
  private int blockMinutes;

  @Column(name = "max_attempts", nullable = false)
  private int maxAttempts;

  @Column(name = "max_hours", nullable = false)
  private int maxHours;

  @Version private int version;

  protected LoginLockoutSettings() {}

  void apply(LoginLockoutDraft draft) {
    attempts = draft.attempts();
    seconds = draft.seconds();
    blockMinutes = draft.blockMinutes();
    maxAttempts = draft.maxAttempts();
    maxHours = draft.maxHours();
  }

  public LoginLockout lockout() {
    return new LoginLockout(
        new RateLimit(attempts, seconds),
        blockMinutes,
        new RateLimit(maxAttempts, maxHours * 3600));
  }

  public int getAttempts() {
    return attempts;
  }

  public int getSeconds() {
    return seconds;
  }

  public int getBlockMinutes() {
    return blockMinutes;
  }

  public int getMaxAttempts() {
    return maxAttempts;
  }

  public int getMaxHours() {
    return maxHours;
  }

  public int getVersion() {
    return version;
  }
}
