package io.bulwark.pbx.system;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The SIP ports an administrator saved, one row; a null port is the environment's. */
@Entity
@Table(name = "sip_ports")
public class SipPortSetting {

  static final int ID = 1;

  @Id private int id;

  @Column private Integer port;

  @Column(name = "tls_port")
  private Integer tlsPort;

  @Version private int version;

  protected SipPortSetting() {}

  SipPorts over(SipPorts environment) {
    return new SipPorts(
        port == null ? environment.port() : port,
        tlsPort == null ? environment.tlsPort() : tlsPort);
  }

  void save(SipPorts ports) {
    port = ports.port();
    tlsPort = ports.tlsPort();
  }

  public int getVersion() {
    return version;
  }
}
