package io.bulwark.pbx.certificate;

import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * A certificate chain and its private key, as an administrator installs them: the server's
 * certificate first, then each one's issuer.
 */
public record ServerCertificate(List<X509Certificate> chain, PrivateKey key) {

  static final int MIN_RSA_BITS = 2048;
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

  public ServerCertificate {
    chain = List.copyOf(chain);
  }

  /**
   * The certificate and key of the PEM texts given, when they can be installed at {@code now}.
   *
   * @throws InvalidInputException naming the field ({@code certificate}, {@code privateKey}) and
   *     what is wrong with it
   */
  public static ServerCertificate parse(String certificatePem, String keyPem, Instant now) {
    List<FieldViolation> found = new ArrayList<>();
    List<X509Certificate> chain = null;
    PrivateKey key = null;
    try {
      chain = Pem.certificates(certificatePem);
    } catch (IllegalArgumentException e) {
      found.add(new FieldViolation("certificate", e.getMessage()));
    }
    try {
      key = Pem.privateKey(keyPem);
    } catch (IllegalArgumentException e) {
      found.add(new FieldViolation("privateKey", e.getMessage()));
    }
    if (chain != null) {
      chainProblem(chain, now).ifPresent(p -> found.add(new FieldViolation("certificate", p)));
    }
    if (found.isEmpty() && !signsFor(key, chain.get(0))) {
      found.add(
          new FieldViolation(
              "privateKey", "This private key does not belong to the certificate given first"));
    }
    if (!found.isEmpty()) {
      throw new InvalidInputException(found);
    }
    return new ServerCertificate(chain, key);
  }

  /** The chain in PEM, the server's certificate first, as {@link #parse} reads it. */
  public String chainPem() {
    StringBuilder text = new StringBuilder();
    try {
      for (X509Certificate c : chain) {
        text.append(Pem.encode("CERTIFICATE", c.getEncoded()));
      }
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException("A certificate that was read can be written", e);
    }
    return text.toString();
  }

  /** The private key in unencrypted PKCS #8 PEM, as {@link #parse} reads it. */
  public String keyPem() {
    return Pem.encode("PRIVATE KEY", key.getEncoded());
  }

  /** The server's own certificate, the first of the chain. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  private static Optional<String> chainProblem(List<X509Certificate> chain, Instant now) {
    X509Certificate server = chain.get(0);
    Date at = Date.from(now);
    if (server.getNotAfter().before(at)) {
      return Optional.of("The certificate expired on " + server.getNotAfter().toInstant());
    }
    if (server.getNotBefore().after(at)) {
      return Optional.of("The certificate is valid only from " + server.getNotBefore().toInstant());
    }
    if (server.getPublicKey() instanceof RSAPublicKey rsa
        && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
      return Optional.of(
          "An RSA key of "
              + rsa.getModulus().bitLength()
              + " bits is too weak: at least "
              + MIN_RSA_BITS);
    }
    if (!forServers(server)) {
      return Optional.of("The certificate is not for TLS servers (its extended key usage)");
    }
    for (int i = 0; i + 1 < chain.size(); i++) {
      if (!issued(chain.get(i + 1), chain.get(i))) {
        return Optional.of(
            "Certificate "
                + (i + 2)
                + " did not issue certificate "
                + (i + 1)
                + ": give the server's certificate first, then each one's issuer");
      }
    }
    return Optional.empty();
  }

  private static boolean forServers(X509Certificate certificate) {
    try {
      List<String> usages = certificate.getExtendedKeyUsage();
      return usages == null || usages.contains(SERVER_AUTH);
    } catch (CertificateParsingException e) {
      return false;
    }
  }

  private static boolean issued(X509Certificate issuer, X509Certificate issued) {
    if (!issuer.getSubjectX500Principal().equals(issued.getIssuerX500Principal())) {
      return false;
    }
    try {
      issued.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Whether a signature by {@code key} verifies with the certificate's public key. */
  private static boolean signsFor(PrivateKey key, X509Certificate certificate) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> key.getAlgorithm();
        };
    byte[] challenge = "Bulwark PBX: does this key belong here?".getBytes(StandardCharsets.UTF_8);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false; // a key of another algorithm than the certificate's
    }
  }
}
