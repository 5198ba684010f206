package io.bulwark.pbx.onboarding;

import io.bulwark.pbx.extension.Extension;
import io.bulwark.pbx.mail.Html;
import io.bulwark.pbx.mail.MailMessage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The welcome email of an extension's user: who they are here, and their one-time login link. */
final class WelcomeEmail {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private WelcomeEmail() {}

  static MailMessage to(Extension extension, LoginLink link, String portal) {
    String name =
        extension.getDisplayName() == null || extension.getDisplayName().isBlank()
            ? "there"
            : extension.getDisplayName();
    String url = link.url(portal);
    String until = WHEN.format(link.expires());
    String text =
        "Hello "
            + name
            + ",\n\nyour extension on the phone system is "
            + extension.getNumber()
            + ".\n\nSign in to your user portal with this link. It works once, until "
            + until
            + ":\n"
            + url
            + "\n\nThere you see your phones and calls, and set your password and a second"
            + " factor.\nIf you did not expect this message, tell your administrator.\n";
    String html =
        "<p>Hello "
            + Html.escape(name)
            + ",</p><p>your extension on the phone system is <b>"
            + Html.escape(extension.getNumber())
            + "</b>.</p><p><a href=\""
            + Html.escape(url)
            + "\">Sign in to your user portal</a>. The link works once, until "
            + until
            + ".</p><p>There you see your phones and calls, and set your password and a second"
            + " factor.<br>If you did not expect this message, tell your administrator.</p>";
    return new MailMessage(
        extension.getEmail(), "Welcome: your extension " + extension.getNumber(), text, html);
  }
}
