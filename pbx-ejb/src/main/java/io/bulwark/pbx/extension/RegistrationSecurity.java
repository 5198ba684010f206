package io.bulwark.pbx.extension;

import io.bulwark.pbx.defense.CidrBlock;
import io.bulwark.pbx.system.Columns;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;

/** An extension's registration security as stored: see {@link RegistrationGuard}. */
@Embeddable
public class RegistrationSecurity {

  @Column(name = "concurrent_registrations", nullable = false)
  private int concurrentRegistrations;

  /** One prefix per line. */
  @Column(name = "user_agents", nullable = false)
  private String userAgents;

  /** One address or network per line, as CIDR. */
  @Column(name = "permitted_ips", nullable = false)
  private String permittedIps;

  @Column(name = "remote_registration", nullable = false)
  private boolean remoteRegistration;

  @Column(name = "tls_only", nullable = false)
  private boolean tlsOnly;

  protected RegistrationSecurity() {}

  RegistrationSecurity(RegistrationSecurityDraft draft) {
    concurrentRegistrations = draft.concurrentRegistrationsOrDefault();
    userAgents = Columns.lines(draft.cleanUserAgents());
    permittedIps =
        Columns.lines(draft.permittedBlocks().stream().map(CidrBlock::toString).toList());
    remoteRegistration = Boolean.TRUE.equals(draft.remoteRegistration());
    tlsOnly = Boolean.TRUE.equals(draft.tlsOnly());
  }

  public RegistrationGuard guard() {
    return new RegistrationGuard(
        concurrentRegistrations,
        getUserAgents(),
        getPermittedIps().stream().map(CidrBlock::parse).toList(),
        remoteRegistration,
        tlsOnly);
  }

  public int getConcurrentRegistrations() {
    return concurrentRegistrations;
  }

  public List<String> getUserAgents() {
    return Columns.entries(userAgents);
  }

  public List<String> getPermittedIps() {
    return Columns.entries(permittedIps);
  }

  public boolean isRemoteRegistration() {
    return remoteRegistration;
  }

  public boolean isTlsOnly() {
    return tlsOnly;
  }
}
