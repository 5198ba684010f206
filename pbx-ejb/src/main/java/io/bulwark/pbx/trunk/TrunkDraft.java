package io.bulwark.pbx.trunk;

import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.TextRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an administrator typed to create or change a trunk, before it is accepted. Kind and
 * transport arrive as text so that a wrong value is reported on its field like any other mistake. A
 * {@code null} or empty password on update keeps the stored one; {@code null} numbers and flags
 * take their defaults.
 */
public record TrunkDraft(
    String name,
    String kind,
    String host,
    Integer port,
    String transport,
    String domain,
    String username,
    String authName,
    String password,
    String outboundProxy,
    Integer registrationExpiry,
    String callerIdNumber,
    String callerIdName,
    Integer maxConcurrentCalls,
    Boolean enabled,
    Boolean anchorMedia) {

  static final int DEFAULT_PORT = 5060;
  static final int DEFAULT_EXPIRY = 3600;
  static final int EXPIRY_MIN = 60;
  static final int EXPIRY_MAX = 3600;
  static final int MAX_CALLS = 10_000;
  static final int PASSWORD_MAX = 128;

  // The user part of a SIP URI without escapes, and nothing that would need quoting in a header.
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=?/-]{1,64}");

  /** Spaces around what a user typed are dropped, except in the password. */
  public TrunkDraft {
    name = strip(name);
    kind = strip(kind);
    host = strip(host);
    transport = strip(transport);
    domain = strip(domain);
    username = strip(username);
    authName = strip(authName);
    outboundProxy = strip(outboundProxy);
    callerIdNumber = strip(callerIdNumber);
    callerIdName = strip(callerIdName);
  }

  private static String strip(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The kind, when it is one; {@link #violations} reports it otherwise. */
  public Optional<TrunkKind> trunkKind() {
    return constant(TrunkKind.class, kind);
  }

  public Transport transportOrDefault() {
    return transport == null ? Transport.UDP : constant(Transport.class, transport).orElseThrow();
  }

  public int portOrDefault() {
    return port == null ? DEFAULT_PORT : port;
  }

  public int registrationExpiryOrDefault() {
    return registrationExpiry == null ? DEFAULT_EXPIRY : registrationExpiry;
  }

  public boolean hasPassword() {
    return password != null && !password.isEmpty();
  }

  /**
   * Checks every field and reports all problems at once.
   *
   * @param passwordStored whether the trunk has a password already, which an update may keep
   */
  public List<FieldViolation> violations(boolean passwordStored) {
    List<FieldViolation> found = new ArrayList<>();
    TextRules.name("name", "Trunk name", name).ifPresent(found::add);
    if (kind == null) {
      found.add(new FieldViolation("kind", "Trunk type is required"));
    } else if (trunkKind().isEmpty()) {
      found.add(new FieldViolation("kind", "Trunk type must be REGISTER or PEER"));
    }
    if (host == null) {
      found.add(new FieldViolation("host", "Hostname or IP address is required"));
    } else if (!HostPort.isHost(host)) {
      found.add(new FieldViolation("host", "Hostname or IP address is not valid"));
    }
    if (port != null && (port < 1 || port > 65535)) {
      found.add(new FieldViolation("port", "Port must be 1 to 65535"));
    }
    if (transport != null && constant(Transport.class, transport).isEmpty()) {
      found.add(new FieldViolation("transport", "Transport must be UDP or TCP"));
    }
    if (domain != null && !HostPort.isHost(domain)) {
      found.add(new FieldViolation("domain", "Domain must be a hostname or IP address"));
    }
    credentialViolations(passwordStored, found);
    if (outboundProxy != null && HostPort.parse(outboundProxy).isEmpty()) {
      found.add(
          new FieldViolation(
              "outboundProxy",
              "Outbound proxy must be a hostname or IP address, optionally :port"));
    }
    if (registrationExpiry != null
        && (registrationExpiry < EXPIRY_MIN || registrationExpiry > EXPIRY_MAX)) {
      found.add(
          new FieldViolation(
              "registrationExpiry",
              "Registration expiry must be " + EXPIRY_MIN + " to " + EXPIRY_MAX + " seconds"));
    }
    TextRules.callerIdNumber("callerIdNumber", callerIdNumber).ifPresent(found::add);
    if (callerIdName != null
        && (callerIdName.length() > 64
            || callerIdName.chars().anyMatch(c -> Character.isISOControl(c) || c == '"'))) {
      found.add(
          new FieldViolation(
              "callerIdName", "Caller ID name must be at most 64 printable characters, no quotes"));
    }
    if (maxConcurrentCalls != null && (maxConcurrentCalls < 1 || maxConcurrentCalls > MAX_CALLS)) {
      found.add(
          new FieldViolation(
              "maxConcurrentCalls",
              "Maximum concurrent calls must be 1 to " + MAX_CALLS + ", or empty for no limit"));
    }
    return found;
  }

  /** A register trunk cannot work without credentials; a peer may have some for challenges. */
  private void credentialViolations(boolean passwordStored, List<FieldViolation> found) {
    boolean register = trunkKind().filter(TrunkKind.REGISTER::equals).isPresent();
    if (username == null) {
      if (register) {
        found.add(new FieldViolation("username", "Username is required for a register trunk"));
      }
    } else if (!USER.matcher(username).matches()) {
      found.add(new FieldViolation("username", "Username has characters a SIP URI cannot carry"));
    }
    if (authName != null && !USER.matcher(authName).matches()) {
      found.add(
          new FieldViolation("authName", "Authentication name has characters SIP cannot carry"));
    }
    if (hasPassword()) {
      if (password.length() > PASSWORD_MAX || password.chars().anyMatch(Character::isISOControl)) {
        found.add(
            new FieldViolation(
                "password",
                "Password must be at most " + PASSWORD_MAX + " characters, no control characters"));
      }
    } else if (register && !passwordStored) {
      found.add(new FieldViolation("password", "Password is required for a register trunk"));
    }
  }

  private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value.toUpperCase(Locale.ROOT))) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
