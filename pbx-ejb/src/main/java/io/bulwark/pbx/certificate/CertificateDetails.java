package io.bulwark.pbx.certificate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/** What an administrator reads of a certificate, to tell whether it is the right one. */
public record CertificateDetails(
    String subject,
    String issuer,
    List<String> names,
    Instant validFrom,
    Instant validUntil,
    String sha256Fingerprint,
    String key,
    boolean selfSigned) {

  /** The kinds of subject alternative name that name a server (RFC 5280 section 4.2.1.6). */
  private static final int DNS_NAME = 2;

  private static final int IP_ADDRESS = 7;

  static CertificateDetails of(X509Certificate certificate) {
    return new CertificateDetails(
        certificate.getSubjectX500Principal().getName(),
        certificate.getIssuerX500Principal().getName(),
        names(certificate),
        certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant(),
        fingerprint(certificate),
        describe(certificate.getPublicKey()),
        certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()));
  }

  private static List<String> names(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
      if (alternatives != null) {
        for (List<?> entry : alternatives) {
          int type = (Integer) entry.get(0);
          if (type == DNS_NAME || type == IP_ADDRESS) {
            names.add(String.valueOf(entry.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // a certificate without readable alternative names lists none
    }
    return List.copyOf(names);
  }

  private static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException(e); // every JDK has SHA-256; a parsed certificate encodes
    }
  }

  static String describe(PublicKey key) {
    if (key instanceof RSAPublicKey rsa) {
      return "RSA " + rsa.getModulus().bitLength() + " bits";
    }
    if (key instanceof ECPublicKey ec) {
      return "EC " + ec.getParams().getCurve().getField().getFieldSize() + " bits";
    }
    return key.getAlgorithm();
  }
}
