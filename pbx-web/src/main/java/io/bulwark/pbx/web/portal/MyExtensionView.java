package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.cdr.CallRecordEntry;
import io.bulwark.pbx.cdr.CallRecordLog;
import io.bulwark.pbx.cdr.CallRecordQuery;
import io.bulwark.pbx.extension.Extension;
import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.location.Binding;
import io.bulwark.pbx.location.LocationService;
import io.bulwark.pbx.onboarding.EmailCodes;
import io.bulwark.pbx.onboarding.PhoneProvisioning;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The user portal: the signed-in user's own extension (their user name is its number), the phones
 * registered to it now and its calls of the last 30 days, and sign-in codes by email; password,
 * authenticator app and recovery codes are changed in the account page. Nobody sees another's
 * extension here, whatever their roles.
 */
@Named
@RequestScoped
public class MyExtensionView {

  static final Duration RECENT = Duration.ofDays(30);
  static final int MAX_CALLS = 50;

  @Inject private ExtensionService extensions;
  @Inject private LocationService locations;
  @Inject private CallRecordLog calls;
  @Inject private Clock clock;

  @Inject private EmailCodes codes;
  @Inject private PhoneProvisioning provisioning;

  private Extension extension;
  private Boolean emailCodes;
  private String provisioningUrl;
  private List<Phone> phones = List.of();
  private List<CallRecordEntry> recentCalls = List.of();

  /** A phone registered to the extension now. */
  public record Phone(
      String contact, String from, String transport, String userAgent, long secondsLeft) {
    public String getContact() {
      return contact;
    }

    public String getFrom() {
      return from;
    }

    public String getTransport() {
      return transport;
    }

    public String getUserAgent() {
      return userAgent;
    }

    public long getSecondsLeft() {
      return secondsLeft;
    }
  }

  @PostConstruct
  void load() {
    String user = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    extension = user == null ? null : extensions.byNumber(user).orElse(null);
    if (extension == null) {
      return;
    }
    long now = clock.millis();
    phones =
        locations.locations().bindings(extension.getNumber()).stream()
            .filter(b -> b.isActive(now))
            .map(b -> phone(b, now))
            .toList();
    Instant since = clock.instant().minus(RECENT);
    recentCalls =
        calls.find(new CallRecordQuery(since, null, extension.getNumber(), Set.of()), 0, MAX_CALLS);
  }

  private static Phone phone(Binding b, long now) {
    return new Phone(
        b.contactUri(),
        b.sourceAddress() + ":" + b.sourcePort(),
        b.transport(),
        b.userAgent(),
        b.secondsLeft(now));
  }

  /** Whether the user gets sign-in codes by email; read when the page asks, from Keycloak. */
  public boolean isEmailCodes() {
    if (emailCodes == null) {
      try {
        emailCodes = extension != null && codes.enabled(extension.getNumber());
      } catch (UnavailableException e) {
        emailCodes = false;
      }
    }
    return emailCodes;
  }

  public void setEmailCodes(boolean emailCodes) {
    this.emailCodes = emailCodes;
  }

  /** Issues a one-time address for the user's own phone app, shown as a QR code to scan. */
  public void provisionPhoneApp() {
    if (extension != null) {
      provisioningUrl = provisioning.issue(extension.getNumber());
    }
  }

  public String getProvisioningUrl() {
    return provisioningUrl;
  }

  /** Saves the user's choice of email codes, for their own user only. */
  public void saveEmailCodes() {
    if (extension == null) {
      return;
    }
    try {
      codes.set(extension.getNumber(), isEmailCodes(), extension.getNumber());
      FormMessages.info(
          emailCodes ? "Sign-in codes by email are on" : "Sign-in codes by email are off");
    } catch (InvalidInputException e) {
      emailCodes = false;
      FormMessages.fields("secondFactor", e.violations());
    } catch (UnavailableException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public Extension getExtension() {
    return extension;
  }

  public List<Phone> getPhones() {
    return phones;
  }

  public List<CallRecordEntry> getRecentCalls() {
    return recentCalls;
  }
}
