package io.bulwark.pbx.mail;

import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SMTP server as an administrator writes it. An empty {@code host} turns email off. A null
 * {@code password} keeps the one saved; an empty one removes it.
 */
public record MailSettingsDraft(
    String host,
    Integer port,
    MailSecurity security,
    String username,
    String password,
    String fromAddress,
    String fromName) {

  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*");
  public static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9]([A-Za-z0-9.-]{0,252})\\.[A-Za-z]{2,63}");

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    String host = host();
    if (!host.isEmpty() && (host.length() > 253 || !HOST.matcher(host).matches())) {
      found.add(
          new FieldViolation("host", "A host name or IPv4 address, such as smtp.example.com"));
    }
    if (port == null || port < 1 || port > 65_535) {
      found.add(new FieldViolation("port", "From 1 to 65535"));
    }
    if (security == null) {
      found.add(new FieldViolation("security", "NONE, STARTTLS or TLS"));
    }
    if (username != null && (username.length() > 255 || username.chars().anyMatch(c -> c < 32))) {
      found.add(new FieldViolation("username", "At most 255 characters, no control characters"));
    }
    if (password != null && (password.length() > 255 || password.chars().anyMatch(c -> c < 32))) {
      found.add(new FieldViolation("password", "At most 255 characters, no control characters"));
    }
    if (!host.isEmpty()
        && (fromAddress == null || !ADDRESS.matcher(fromAddress.strip()).matches())) {
      found.add(new FieldViolation("fromAddress", "An email address, such as pbx@example.com"));
    }
    if (fromName != null
        && (fromName.length() > 100 || fromName.chars().anyMatch(c -> c < 32 || c == '"'))) {
      found.add(new FieldViolation("fromName", "At most 100 characters, no quotes"));
    }
    return found;
  }

  @Override
  public String host() {
    return host == null ? "" : host.strip();
  }

  /** What the event log says of the change: the server, never the password. */
  String describe() {
    return host().isEmpty()
        ? "email off"
        : host() + ":" + port + " " + security + (blank(username) ? "" : " as " + username.strip());
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
