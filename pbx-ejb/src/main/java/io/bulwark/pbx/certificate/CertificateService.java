package io.bulwark.pbx.certificate;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The certificate HTTPS and SIP over TLS present. An installed one is checked first (its key, its
 * dates, its chain), then written over the key store, which WildFly is told to read again and SIP
 * reads at its next handshake; should WildFly refuse it, the previous file is put back.
 */
@Stateless
public class CertificateService {

  private static final Logger LOG = Logger.getLogger(CertificateService.class);

  /** A certificate this close to its end is reported every day. */
  static final Duration EXPIRY_WARNING = Duration.ofDays(30);

  @Inject private Clock clock;
  @Inject private SecurityEvents events;

  private static KeyStoreFile keyStore() {
    String file = System.getenv("BULWARK_TLS_KEYSTORE");
    if (file == null || file.isBlank()) {
      throw new IllegalStateException("BULWARK_TLS_KEYSTORE is not set");
    }
    String password = System.getenv("BULWARK_TLS_PASSWORD");
    return new KeyStoreFile(Path.of(file), password == null ? "" : password);
  }

  /** The certificate presented now. */
  public CertificateDetails current() {
    try {
      return CertificateDetails.of(keyStore().certificate());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The certificate presented now with its chain and private key, for a backup. */
  public ServerCertificate presented() {
    try {
      return keyStore().read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Installs the certificate chain and private key of the PEM texts given.
   *
   * @throws InvalidInputException when they cannot be used, or the web server would not take them;
   *     nothing is changed then
   */
  public CertificateDetails install(String certificatePem, String privateKeyPem, String actor) {
    ServerCertificate installed =
        ServerCertificate.parse(certificatePem, privateKeyPem, clock.instant());
    KeyStoreFile file = keyStore();
    WebTls web = new WebTls();
    try {
      byte[] previous = file.bytes();
      file.write(installed);
      try {
        web.reload();
      } catch (IOException e) {
        LOG.errorf("HTTPS could not take the new certificate, the previous one stays: %s", e);
        file.restore(previous);
        web.reload();
        throw new InvalidInputException(
            "certificate", "The web server could not use this certificate; the previous one stays");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CertificateDetails details = CertificateDetails.of(installed.certificate());
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.CERTIFICATE_INSTALLED,
            null,
            actor,
            "install",
            "certificate "
                + details.subject()
                + " issued by "
                + details.issuer()
                + ", valid until "
                + details.validUntil()
                + ", SHA-256 "
                + details.sha256Fingerprint()));
    return details;
  }

  /** Reports, once a day, a certificate that ends within {@link #EXPIRY_WARNING} or has ended. */
  @Schedule(hour = "6", minute = "0", persistent = false)
  void warnBeforeExpiry() {
    CertificateDetails details = current();
    Instant now = clock.instant();
    if (details.validUntil().isBefore(now.plus(EXPIRY_WARNING))) {
      long days = Duration.between(now, details.validUntil()).toDays();
      events.fireAsync(
          new SecurityEvent(
              now,
              EventType.CERTIFICATE_EXPIRING,
              null,
              null,
              "warn",
              "certificate "
                  + details.subject()
                  + (days < 0 ? " expired on " : " expires on ")
                  + details.validUntil()
                  + ": install a new one under System > Certificate"));
    }
  }
}
