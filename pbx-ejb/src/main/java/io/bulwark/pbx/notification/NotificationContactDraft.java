package io.bulwark.pbx.notification;

import io.bulwark.pbx.mail.MailSettingsDraft;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.TextRules;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A notification contact as an administrator writes it: a name and at least one way to tell.
 *
 * @param callExtension the extension called to hear the event spoken, or blank
 * @param callMobile an outside number called through the outbound routes, or blank
 */
public record NotificationContactDraft(
    String name, String email, String webhookUrl, String callExtension, String callMobile) {

  static final int MAX_URL = 512;
  private static final Pattern EXTENSION = Pattern.compile("[0-9]{1,16}");
  private static final Pattern MOBILE = Pattern.compile("\\+?[0-9]{3,31}");

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    TextRules.name("name", "Name", name).ifPresent(found::add);
    boolean hasEmail = email != null && !email.isBlank();
    boolean hasWebhook = webhookUrl != null && !webhookUrl.isBlank();
    boolean hasCall = callExtension != null && !callExtension.isBlank();
    boolean hasMobile = callMobile != null && !callMobile.isBlank();
    if (!hasEmail && !hasWebhook && !hasCall && !hasMobile) {
      found.add(
          new FieldViolation(
              "email",
              "Give an email address, a webhook URL, an extension or a mobile number to call,"
                  + " or several"));
    }
    if (hasEmail && !MailSettingsDraft.ADDRESS.matcher(email.strip()).matches()) {
      found.add(new FieldViolation("email", "An email address, such as security@example.com"));
    }
    if (hasWebhook) {
      webhookViolation(webhookUrl.strip()).ifPresent(found::add);
    }
    if (hasCall && !EXTENSION.matcher(callExtension.strip()).matches()) {
      found.add(new FieldViolation("callExtension", "An extension number, such as 1001"));
    }
    if (hasMobile && !MOBILE.matcher(callMobile.strip()).matches()) {
      found.add(
          new FieldViolation(
              "callMobile", "A number as the outbound routes take it, such as +491701234567"));
    }
    return found;
  }

  private static java.util.Optional<FieldViolation> webhookViolation(String url) {
    String problem = "An http or https URL, such as https://alerts.example.com/bulwark";
    if (url.length() > MAX_URL) {
      return java.util.Optional.of(
          new FieldViolation("webhookUrl", "The URL has at most " + MAX_URL + " characters"));
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && uri.getUserInfo() == null
          && uri.getFragment() == null) {
        return java.util.Optional.empty();
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    return java.util.Optional.of(new FieldViolation("webhookUrl", problem));
  }

  String describe() {
    return "notification contact "
        + name.strip()
        + (email == null || email.isBlank() ? "" : ", email " + email.strip())
        + (webhookUrl == null || webhookUrl.isBlank() ? "" : ", webhook " + webhookUrl.strip())
        + (callExtension == null || callExtension.isBlank()
            ? ""
            : ", calls extension " + callExtension.strip())
        + (callMobile == null || callMobile.isBlank() ? "" : ", calls " + callMobile.strip());
  }
}
