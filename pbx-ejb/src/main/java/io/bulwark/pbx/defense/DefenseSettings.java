package io.bulwark.pbx.defense;

import io.bulwark.pbx.system.Columns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.InetAddress;
import java.util.List;

/**
 * The one row of defense settings: how long an automatic block lasts, when failed authentications
 * lock a source out and for how long, the user agents that mark a scanner, and the local networks
 * (where devices of extensions without remote registration may be), and whether the kernel backend
 * is on.
 */
@Entity
@Table(name = "defense_settings")
public class DefenseSettings {

  static final int ID = 1;

  @Id private int id;

  @Column(name = "auto_block_minutes", nullable = false)
  private int autoBlockMinutes;

  @Column(name = "lockout_attempts", nullable = false)
  private int lockoutAttempts;

  @Column(name = "lockout_seconds", nullable = false)
  private int lockoutSeconds;

  @Column(name = "lockout_minutes", nullable = false)
  private int lockoutMinutes;

  @Column(name = "scanner_agents", nullable = false)
  private String scannerAgents;

  @Column(name = "local_networks", nullable = false)
  private String localNetworks;

  @Column(name = "kernel_backend", nullable = false)
  private boolean kernelBackend;

  @Column(name = "trusted_seeded", nullable = false)
  private boolean trustedSeeded;

  @Version private int version;

  protected DefenseSettings() {}

  void apply(DefenseSettingsDraft draft) {
    autoBlockMinutes = draft.autoBlockMinutes();
    lockoutAttempts = draft.lockoutAttempts();
    lockoutSeconds = draft.lockoutSeconds();
    lockoutMinutes = draft.lockoutMinutes();
    scannerAgents = Columns.lines(draft.cleanScannerAgents());
    localNetworks = Columns.lines(draft.localBlocks().stream().map(CidrBlock::toString).toList());
    kernelBackend = draft.kernelBackend();
  }

  /** What the firewall needs of these settings, with the lockout for failed logins. */
  public Policy policy(LoginLockout login) {
    return new Policy(
        autoBlockMinutes,
        new RateLimit(lockoutAttempts, lockoutSeconds),
        lockoutMinutes,
        getScannerAgents(),
        getLocalNetworks().stream().map(CidrBlock::parse).toList(),
        login);
  }

  /**
   * @param lockout failed authentications from one source that lock it out, and in what time
   * @param login the lockout for failed logins
   */
  public record Policy(
      int autoBlockMinutes,
      RateLimit lockout,
      int lockoutMinutes,
      List<String> scannerAgents,
      List<CidrBlock> localNetworks,
      LoginLockout login) {

    /** What applies until the settings are read: the guide's defaults. */
    static final Policy INITIAL =
        new Policy(
            60,
            new RateLimit(5, 300),
            60,
            List.of(),
            DefenseSettingsDraft.DEFAULT_LOCAL_NETWORKS.stream().map(CidrBlock::parse).toList(),
            LoginLockout.DEFAULT);

    public boolean isLocal(InetAddress source) {
      for (CidrBlock network : localNetworks) {
        if (network.contains(source)) {
          return true;
        }
      }
      return false;
    }
  }

  boolean isTrustedSeeded() {
    return trustedSeeded;
  }

  void trustedSeeded() {
    trustedSeeded = true;
  }

  public int getAutoBlockMinutes() {
    return autoBlockMinutes;
  }

  public int getLockoutAttempts() {
    return lockoutAttempts;
  }

  public int getLockoutSeconds() {
    return lockoutSeconds;
  }

  public int getLockoutMinutes() {
    return lockoutMinutes;
  }

  public List<String> getScannerAgents() {
    return Columns.entries(scannerAgents);
  }

  public List<String> getLocalNetworks() {
    return Columns.entries(localNetworks);
  }

  /** Whether the defenses are also the kernel's nftables table. */
  public boolean isKernelBackend() {
    return kernelBackend;
  }

  public int getVersion() {
    return version;
  }
}
