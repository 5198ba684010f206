package io.bulwark.pbx.backup;

import io.bulwark.pbx.system.SecretCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The guide's network storage for backups, as SFTP, one row: off on a new system; when on, every
 * backup made is copied to its folder too, so that the loss of this machine is not the loss of its
 * backups. The password is kept encrypted; the host key fingerprint pins the server.
 */
@Entity
@Table(name = "backup_sftp")
public class SftpServer {

  static final int ID = 1;

  @Id private int id;

  @Column(nullable = false)
  private boolean enabled;

  @Column(nullable = false, length = 253)
  private String host;

  @Column(nullable = false)
  private int port;

  @Column(nullable = false, length = 64)
  private String username;

  /** Encrypted with {@link SecretCipher}. */
  @Column(length = 2048)
  private String password;

  @Column(nullable = false, length = 255)
  private String directory;

  @Column(name = "host_key", nullable = false, length = 80)
  private String hostKey;

  @Version private int version;

  protected SftpServer() {}

  void apply(SftpServerDraft draft, SecretCipher cipher) {
    enabled = draft.enabled();
    host = draft.host();
    port = draft.port();
    username = draft.username();
    directory = draft.directory();
    hostKey = draft.hostKey();
    if (draft.password() != null && !draft.password().isEmpty()) {
      password = cipher.encrypt(draft.password());
    }
  }

  /** Where copies go, with the password in clear for the connection. */
  SftpTarget target(SecretCipher cipher) {
    return new SftpTarget(
        host, port, username, password == null ? "" : cipher.decrypt(password), directory, hostKey);
  }

  public boolean isEnabled() {
    return enabled;
  }

  public String getHost() {
    return host;
  }

  public int getPort() {
    return port;
  }

  public String getUsername() {
    return username;
  }

  public boolean isPasswordSet() {
    return password != null;
  }

  public String getDirectory() {
    return directory;
  }

  public String getHostKey() {
    return hostKey;
  }

  public int getVersion() {
    return version;
  }
}
