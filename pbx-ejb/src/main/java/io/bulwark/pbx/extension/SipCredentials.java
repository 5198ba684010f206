package io.bulwark.pbx.extension;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What digest authentication needs to know about an extension: its number (the AOR user), the
 * registration name (the digest username), HA1 = MD5(username:realm:password), which is kept only
 * in memory, and what it demands of a device that proved it ({@link RegistrationGuard}).
 */
public record SipCredentials(
    String extensionNumber, String registrationName, String ha1, RegistrationGuard guard) {

  @Override
  public String toString() {
    return "SipCredentials[" + extensionNumber + "/" + registrationName + "]";
  }

  static SipCredentials of(Extension extension, String realm, String secret) {
    String ha1 = md5Hex(extension.getRegistrationName() + ":" + realm + ":" + secret);
    return new SipCredentials(
        extension.getNumber(),
        extension.getRegistrationName(),
        ha1,
        extension.getSecurity().guard());
  }

  /** Lower-case hex MD5, as RFC 2617 digests are written. */
  public static String md5Hex(String value) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required by RFC 3261", e);
    }
  }
}
