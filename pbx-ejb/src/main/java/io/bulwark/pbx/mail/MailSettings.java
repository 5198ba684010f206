package io.bulwark.pbx.mail;

import io.bulwark.pbx.system.SecretCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The one row of System > Email: the SMTP server every message leaves through. */
@Entity
@Table(name = "mail_settings")
public class MailSettings {

  static final int ID = 1;

  @Id private int id;

  @Column(nullable = false)
  private String host;

  @Column(nullable = false)
  private int port;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MailSecurity security;

  private String username;

  /** Encrypted with {@link SecretCipher}; never the plain password. */
  private String password;

  @Column(name = "from_address")
  private String fromAddress;

  @Column(name = "from_name")
  private String fromName;

  @Version private int version;

  protected MailSettings() {}

  void apply(MailSettingsDraft draft, SecretCipher cipher) {
    host = draft.host();
    port = draft.port();
    security = draft.security();
    username = blankToNull(draft.username());
    if (draft.password() != null) {
      password = draft.password().isBlank() ? null : cipher.encrypt(draft.password());
    }
    fromAddress = blankToNull(draft.fromAddress());
    fromName = blankToNull(draft.fromName());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** Whether a server is set, so that mail can be sent at all. */
  public boolean isEnabled() {
    return !host.isEmpty();
  }

  public String getHost() {
    return host;
  }

  public int getPort() {
    return port;
  }

  public MailSecurity getSecurity() {
    return security;
  }

  public String getUsername() {
    return username;
  }

  /** Whether a password is saved; the password itself is never shown. */
  public boolean isPasswordSet() {
    return password != null;
  }

  String password(SecretCipher cipher) {
    return password == null ? null : cipher.decrypt(password);
  }

  public String getFromAddress() {
    return fromAddress;
  }

  public String getFromName() {
    return fromName;
  }

  public int getVersion() {
    return version;
  }
}
