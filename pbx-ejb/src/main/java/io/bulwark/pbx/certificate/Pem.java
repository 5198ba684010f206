package io.bulwark.pbx.certificate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the PEM text (RFC 7468) a certificate authority hands out, and writes it. */
final class Pem {

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

  private Pem() {}

  /** {@code der} as a PEM block of {@code type}, such as CERTIFICATE. */
  static String encode(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /**
   * The certificates of {@code text}, in their order.
   *
   * @throws IllegalArgumentException with a message fit for the person who pasted it
   */
  static List<X509Certificate> certificates(String text) {
    if (text == null || !text.contains("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException(
          "Paste the certificate in PEM form (-----BEGIN CERTIFICATE-----), its chain after it");
    }
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return factory
          .generateCertificates(
              new ByteArrayInputStream(text.strip().getBytes(StandardCharsets.US_ASCII)))
          .stream()
          .map(X509Certificate.class::cast)
          .toList();
    } catch (CertificateException | RuntimeException e) {
      throw new IllegalArgumentException("The certificate text is damaged: it cannot be read");
    }
  }

  /**
   * The private key of {@code text}, an unencrypted PKCS #8 key.
   *
   * @throws IllegalArgumentException with a message fit for the person who pasted it
   */
  static PrivateKey privateKey(String text) {
    Matcher m = BLOCK.matcher(text == null ? "" : text);
    if (!m.find()) {
      throw new IllegalArgumentException(
          "Paste the private key in PEM form (-----BEGIN PRIVATE KEY-----)");
    }
    String kind = m.group(1);
    if (kind.equals("ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED")) {
      throw new IllegalArgumentException(
          "The private key is encrypted; give it unencrypted (openssl pkcs8 -topk8 -nocrypt)");
    }
    if (!kind.equals("PRIVATE KEY")) {
      throw new IllegalArgumentException(
          "Give the key in PKCS #8 form (-----BEGIN PRIVATE KEY-----), not "
              + kind
              + ": openssl pkcs8 -topk8 -nocrypt converts it");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(m.group(2));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The private key text is damaged: it cannot be read");
    }
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException | RuntimeException e) {
        // not a key of this algorithm: try the next
      }
    }
    throw new IllegalArgumentException("The private key is not an RSA, EC or Ed25519 key");
  }
}
