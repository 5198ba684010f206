package io.bulwark.pbx.system;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The media relay's RTP range an administrator saved, one row; null is the launcher's. */
@Entity
@Table(name = "rtp_ports")
public class RtpPortSetting {

  static final int ID = 1;

  @Id private int id;

  @Column(name = "port_min")
  private Integer portMin;

  @Column(name = "port_max")
  private Integer portMax;

  @Version private int version;

  protected RtpPortSetting() {}

  /** The range saved, or null when none was. */
  RtpPorts saved() {
    return portMin == null || portMax == null ? null : new RtpPorts(portMin, portMax);
  }

  void save(RtpPorts ports) {
    portMin = ports.min();
    portMax = ports.max();
  }

  public int getVersion() {
    return version;
  }
}
