package io.bulwark.pbx.backup;

import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SFTP server as an administrator sets it. A {@code null} or empty password keeps the one
 * saved. Off, a server may be left half filled in; on, every field is needed, the host key
 * fingerprint too: Bulwark sends an encrypted backup only to the server it was told to trust.
 */
public record SftpServerDraft(
    boolean enabled,
    String host,
    Integer port,
    String username,
    String password,
    String directory,
    String hostKey) {

  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|[0-9A-Fa-f:.]{2,45}");
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final Pattern DIRECTORY =
      Pattern.compile("/?[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*/?");
  private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

  public SftpServerDraft {
    host = strip(host);
    username = strip(username);
    directory = strip(directory);
    hostKey = strip(hostKey);
    port = port == null ? Integer.valueOf(22) : port;
  }

  private static String strip(String value) {
    return value == null ? "" : value.strip();
  }

  List<FieldViolation> violations(boolean passwordSaved) {
    List<FieldViolation> found = new ArrayList<>();
    if (!host.isEmpty() ? !HOST.matcher(host).matches() : enabled) {
      found.add(new FieldViolation("host", "The server's host name or IP address"));
    }
    if (port < 1 || port > 65535) {
      found.add(new FieldViolation("port", "A port from 1 to 65535"));
    }
    if (!username.isEmpty() ? !USERNAME.matcher(username).matches() : enabled) {
      found.add(
          new FieldViolation("username", "The user name: letters, digits, . _ @ -, at most 64"));
    }
    if (password != null && password.length() > 256) {
      found.add(new FieldViolation("password", "At most 256 characters"));
    } else if (enabled && (password == null || password.isEmpty()) && !passwordSaved) {
      found.add(new FieldViolation("password", "The user's password on the server"));
    }
    if (directory.length() > 255
        || !DIRECTORY.matcher(directory).matches()
        || List.of(directory.split("/")).contains("..")) {
      found.add(
          new FieldViolation(
              "directory", "A folder such as backups or /srv/pbx: letters, digits, . _ - and /"));
    }
    if (!hostKey.isEmpty() ? !FINGERPRINT.matcher(hostKey).matches() : enabled) {
      found.add(
          new FieldViolation(
              "hostKey",
              "The server's host key fingerprint, SHA256: and 43 characters; Test shows it"));
    }
    return found;
  }

  String describe() {
    return "SFTP server "
        + (enabled ? "on, " : "off, ")
        + username
        + "@"
        + host
        + ":"
        + port
        + " folder "
        + directory
        + (hostKey.isEmpty() ? "" : " host key " + hostKey)
        + (password == null || password.isEmpty() ? "" : ", new password");
  }
}
