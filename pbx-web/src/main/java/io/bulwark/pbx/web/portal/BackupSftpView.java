package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.backup.BackupService;
import io.bulwark.pbx.backup.SftpBackups;
import io.bulwark.pbx.backup.SftpServer;
import io.bulwark.pbx.backup.SftpServerDraft;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Maintenance > Backup and Restore, SFTP server: where every new backup is copied too, tested
 * before it is trusted (the host key it presents is shown, to be checked and saved), and the
 * backups it holds, each to fetch back into the backup folder.
 */
@Named
@ViewScoped
public class BackupSftpView implements Serializable {

  @Inject private transient SftpBackups sftp;
  @Inject private transient BackupService backups;

  private boolean enabled;
  private String host;
  private Integer port;
  private String username;
  private String password;
  private String directory;
  private String hostKey;
  private boolean passwordSet;
  private int version;
  private SftpBackups.TestOutcome outcome;
  private List<SftpBackups.RemoteBackup> remote;

  @PostConstruct
  void load() {
    SftpServer s = sftp.server();
    enabled = s.isEnabled();
    host = s.getHost();
    port = s.getPort();
    username = s.getUsername();
    directory = s.getDirectory();
    hostKey = s.getHostKey();
    passwordSet = s.isPasswordSet();
    version = s.getVersion();
    password = null;
  }

  private SftpServerDraft draft() {
    return new SftpServerDraft(enabled, host, port, username, password, directory, hostKey);
  }

  public void save() {
    try {
      sftp.update(version, draft(), FormMessages.actor());
      load();
      outcome = null;
      FormMessages.info("SFTP server saved");
    } catch (InvalidInputException e) {
      FormMessages.fields("sftp", e.violations());
    } catch (ConcurrentChangeException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  /** Tries the settings as typed; saves nothing. */
  public void test() {
    try {
      outcome = sftp.test(draft());
    } catch (InvalidInputException e) {
      outcome = null;
      FormMessages.fields("sftp", e.violations());
    }
  }

  /** Takes the host key the test saw into the form, to be saved with it. */
  public void trustPresentedKey() {
    if (outcome != null && outcome.hostKey() != null) {
      hostKey = outcome.hostKey();
      outcome = null;
      FormMessages.info("Host key filled in; save to trust it");
    }
  }

  public void listRemote() {
    try {
      remote = sftp.list();
    } catch (NotFoundException | UnavailableException e) {
      remote = null;
      FormMessages.error(e.getMessage());
    }
  }

  public void fetch(String name) {
    try {
      backups.fetch(name, FormMessages.actor());
      FormMessages.info(
          "Backup " + name + " fetched into the backup folder; restore it from the list");
    } catch (InvalidInputException e) {
      FormMessages.refused(e.violations().get(0).message());
    } catch (NotFoundException | UnavailableException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public SftpBackups.TestOutcome getOutcome() {
    return outcome;
  }

  public List<SftpBackups.RemoteBackup> getRemote() {
    return remote;
  }

  public boolean isPasswordSet() {
    return passwordSet;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getDirectory() {
    return directory;
  }

  public void setDirectory(String directory) {
    this.directory = directory;
  }

  public String getHostKey() {
    return hostKey;
  }

  public void setHostKey(String hostKey) {
    this.hostKey = hostKey;
  }
}
