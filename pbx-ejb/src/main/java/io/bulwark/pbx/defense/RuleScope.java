package io.bulwark.pbx.defense;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** What a defense rule watches: a protocol, and a service or ports given by hand. */
@Embeddable
public class RuleScope {

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private Protocol protocol;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private Service service;

  @Column(name = "port_first")
  private Integer portFirst;

  @Column(name = "port_last")
  private Integer portLast;

  protected RuleScope() {}

  /** {@code ports} is kept for {@link Service#PORTS} only. */
  RuleScope(Protocol protocol, Service service, PortRange ports) {
    this.protocol = protocol;
    this.service = service;
    this.portFirst = service == Service.PORTS ? ports.first() : null;
    this.portLast = service == Service.PORTS ? ports.last() : null;
  }

  /** The ports the scope means here. */
  PortRange ports(ServicePorts where) {
    return where.of(service, getPorts());
  }

  public Protocol getProtocol() {
    return protocol;
  }

  public Service getService() {
    return service;
  }

  /** The ports given by hand, {@code null} unless the service is {@link Service#PORTS}. */
  public PortRange getPorts() {
    return portFirst == null ? null : new PortRange(portFirst, portLast);
  }

  /** The service's name, or the ports given by hand: {@code SIP}, {@code 10000-20000}. */
  public String getTarget() {
    return service == Service.PORTS ? getPorts().toString() : service.getLabel();
  }

  /** {@code UDP SIP}, {@code Both 10000-20000}. */
  @Override
  public String toString() {
    return protocol.getLabel() + " " + getTarget();
  }
}
