package io.bulwark.pbx.defense;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A row of Auto Defense: more than so many packets from one source in so many seconds. */
@Entity
@Table(name = "auto_defense_rule")
@NamedQuery(name = "AutoDefenseRule.all", query = "select r from AutoDefenseRule r order by r.id")
public class AutoDefenseRule {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String name;

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

  @Column(nullable = false)
  private int packets;

  @Column(nullable = false)
  private int seconds;

  @Version private int version;

  protected AutoDefenseRule() {}

  AutoDefenseRule(AutoDefenseRuleDraft draft) {
    apply(draft);
  }

  void apply(AutoDefenseRuleDraft draft) {
    name = draft.name().strip();
    protocol = draft.protocol();
    service = draft.service();
    PortRange ports = draft.portRange();
    portFirst = ports == null ? null : ports.first();
    portLast = ports == null ? null : ports.last();
    packets = draft.packets();
    seconds = draft.seconds();
  }

  public RateRule rule(ServicePorts where) {
    return new RateRule(
        name, protocol, where.of(service, getPorts()), new RateLimit(packets, seconds));
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Protocol getProtocol() {
    return protocol;
  }

  public Service getService() {
    return service;
  }

  public PortRange getPorts() {
    return portFirst == null ? null : new PortRange(portFirst, portLast);
  }

  public int getPackets() {
    return packets;
  }

  public int getSeconds() {
    return seconds;
  }

  public int getVersion() {
    return version;
  }
}
