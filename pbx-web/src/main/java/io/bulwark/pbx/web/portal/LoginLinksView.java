package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.onboarding.LoginLinks;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Extensions: the one-time login link of an extension (shown once, with its QR code, to hand over
 * or scan) and welcome emails carrying new links to the extensions chosen.
 */
@Named
@ViewScoped
public class LoginLinksView implements Serializable {

  @Inject private transient LoginLinks links;

  private LoginLinks.Issued issued;
  private String welcomeNumbers;
  private List<LoginLinks.Outcome> outcomes = List.of();

  public void issue(String number) {
    try {
      issued = links.issue(number, LoginLinks.DEFAULT_LIFETIME, holds(), FormMessages.actor());
      FormMessages.info("Login link for extension " + number + " issued; it works once");
    } catch (InvalidInputException e) {
      issued = null;
      FormMessages.refused(e.violations().get(0).message());
    } catch (NotFoundException | UnavailableException e) {
      issued = null;
      FormMessages.refused(e.getMessage());
    }
  }

  public void revoke() {
    if (issued == null) {
      return;
    }
    try {
      links.revoke(issued.number(), FormMessages.actor());
      FormMessages.info("Login link for extension " + issued.number() + " revoked");
      issued = null;
    } catch (NotFoundException | UnavailableException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public void sendWelcome() {
    List<String> numbers =
        welcomeNumbers == null
            ? List.of()
            : Arrays.stream(welcomeNumbers.split("[,\\s]+")).filter(n -> !n.isBlank()).toList();
    try {
      outcomes =
          links.sendWelcome(numbers, LoginLinks.DEFAULT_LIFETIME, holds(), FormMessages.actor());
      long sent = outcomes.stream().filter(LoginLinks.Outcome::sent).count();
      FormMessages.info(sent + " of " + numbers.size() + " welcome emails sent");
    } catch (InvalidInputException e) {
      FormMessages.fields("welcome", e.violations());
    } catch (NotFoundException | UnavailableException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  private static java.util.function.Predicate<String> holds() {
    return FacesContext.getCurrentInstance().getExternalContext()::isUserInRole;
  }

  public LoginLinks.Issued getIssued() {
    return issued;
  }

  public String getIssuedUrl() {
    return issued == null ? null : issued.url();
  }

  public String getIssuedNumber() {
    return issued == null ? null : issued.number();
  }

  public String getIssuedExpires() {
    return issued == null ? null : issued.expires().toString();
  }

  public String getWelcomeNumbers() {
    return welcomeNumbers;
  }

  public void setWelcomeNumbers(String welcomeNumbers) {
    this.welcomeNumbers = welcomeNumbers;
  }

  public List<Outcome> getOutcomes() {
    return outcomes.stream().map(o -> new Outcome(o.number(), o.sent(), o.detail())).toList();
  }

  /** A welcome email's outcome as the page reads it. */
  public record Outcome(String number, boolean sent, String detail) {
    public String getNumber() {
      return number;
    }

    public String getResult() {
      return sent ? "Sent" : "Not sent";
    }

    public String getDetail() {
      return detail;
    }
  }
}
