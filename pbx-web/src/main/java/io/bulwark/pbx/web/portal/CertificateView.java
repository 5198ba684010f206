package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.certificate.CertificateDetails;
import io.bulwark.pbx.certificate.CertificateService;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * System > Certificate: the certificate HTTPS and SIP over TLS present, and the form that installs
 * the administrator's own.
 */
@Named
@ViewScoped
public class CertificateView implements Serializable {

  private static final String FORM = "install";

  @Inject private transient CertificateService certificates;

  private CertificateDetails current;
  private String certificate;
  private String privateKey;

  @PostConstruct
  void load() {
    current = certificates.current();
  }

  public CertificateDetails getCurrent() {
    return current;
  }

  /** The names the certificate is valid for, as one line. */
  public String getNames() {
    return String.join(", ", current.names());
  }

  public void install() {
    try {
      CertificateDetails installed =
          certificates.install(certificate, privateKey, FormMessages.actor());
      certificate = null;
      privateKey = null;
      current = installed;
      FormMessages.info(
          "Certificate installed: "
              + installed.subject()
              + ". HTTPS and SIP over TLS present it from the next connection on.");
    } catch (InvalidInputException e) {
      FormMessages.fields(FORM, e.violations());
    }
  }

  public String getCertificate() {
    return certificate;
  }

  public void setCertificate(String certificate) {
    this.certificate = certificate;
  }

  public String getPrivateKey() {
    return privateKey;
  }

  public void setPrivateKey(String privateKey) {
    this.privateKey = privateKey;
  }
}
