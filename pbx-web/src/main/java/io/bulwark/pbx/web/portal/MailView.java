package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.mail.MailSecurity;
import io.bulwark.pbx.mail.MailService;
import io.bulwark.pbx.mail.MailSettings;
import io.bulwark.pbx.mail.MailSettingsDraft;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** System > Email: the SMTP server, and a test message to check it. */
@Named
@ViewScoped
public class MailView implements Serializable {

  @Inject private transient MailService mail;

  private String host;
  private int port;
  private MailSecurity security;
  private String username;
  private String password;
  private boolean passwordSet;
  private String fromAddress;
  private String fromName;
  private int version;
  private String testTo;

  @PostConstruct
  void load() {
    show(mail.settings());
  }

  private void show(MailSettings settings) {
    host = settings.getHost();
    port = settings.getPort();
    security = settings.getSecurity();
    username = settings.getUsername();
    password = null;
    passwordSet = settings.isPasswordSet();
    fromAddress = settings.getFromAddress();
    fromName = settings.getFromName();
    version = settings.getVersion();
  }

  public void save() {
    try {
      show(
          mail.update(
              version,
              new MailSettingsDraft(
                  host,
                  port,
                  security,
                  username,
                  password == null || password.isEmpty() ? null : password,
                  fromAddress,
                  fromName),
              FormMessages.actor()));
      FormMessages.info("Email settings saved");
    } catch (InvalidInputException e) {
      FormMessages.fields("mail", e.violations());
    } catch (ConcurrentChangeException | UnavailableException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public void sendTest() {
    try {
      mail.sendTest(testTo, FormMessages.actor());
      FormMessages.info("Test message sent to " + testTo.strip());
    } catch (InvalidInputException e) {
      FormMessages.fields("test", e.violations());
    } catch (UnavailableException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public MailSecurity[] getSecurities() {
    return MailSecurity.values();
  }

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public int getPort() {
    return port;
  }

  public void setPort(int port) {
    this.port = port;
  }

  public MailSecurity getSecurity() {
    return security;
  }

  public void setSecurity(MailSecurity security) {
    this.security = security;
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

  public boolean isPasswordSet() {
    return passwordSet;
  }

  public String getFromAddress() {
    return fromAddress;
  }

  public void setFromAddress(String fromAddress) {
    this.fromAddress = fromAddress;
  }

  public String getFromName() {
    return fromName;
  }

  public void setFromName(String fromName) {
    this.fromName = fromName;
  }

  public String getTestTo() {
    return testTo;
  }

  public void setTestTo(String testTo) {
    this.testTo = testTo;
  }
}
