package io.bulwark.pbx.defense;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.function.Function;

/** A row of Static Defense: which sources, on which protocol and ports, get which action. */
@Entity
@Table(name = "static_rule")
@NamedQuery(name = "StaticRule.all", query = "select r from StaticRule r order by r.position, r.id")
@NamedQuery(name = "StaticRule.lastPosition", query = "select max(r.position) from StaticRule r")
public class StaticRule {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String name;

  @Column(nullable = false, length = 253)
  private String source;

  @Embedded private RuleScope scope;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private RuleAction action;

  @Column(nullable = false)
  private int position;

  @Version private int version;

  protected StaticRule() {}

  /** A new rule; at {@code lastPosition} when the draft names no position. */
  StaticRule(StaticRuleDraft draft, int lastPosition) {
    this.position = lastPosition;
    apply(draft);
  }

  /** Takes what a valid draft says; the position only when it names one. */
  void apply(StaticRuleDraft draft) {
    name = draft.name().strip();
    source = RuleSource.parse(draft.source()).text();
    scope = new RuleScope(draft.protocol(), draft.service(), draft.portRange());
    action = draft.action();
    if (draft.position() != null) {
      position = draft.position();
    }
  }

  /**
   * The rule as the firewall applies it, with {@code names} telling what a domain name stands for.
   */
  public FirewallRule rule(ServicePorts where, Function<String, List<CidrBlock>> names) {
    RuleSource parsed = source();
    List<CidrBlock> networks;
    if (parsed instanceof RuleSource.Network network) {
      networks = List.of(network.block());
    } else if (parsed instanceof RuleSource.HostName host) {
      networks = names.apply(host.name());
    } else {
      networks = List.of();
    }
    return new FirewallRule(
        name, parsed, networks, scope.getProtocol(), scope.ports(where), action);
  }

  public RuleSource source() {
    return RuleSource.parse(source);
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getSource() {
    return source;
  }

  public RuleScope getScope() {
    return scope;
  }

  public RuleAction getAction() {
    return action;
  }

  public int getPosition() {
    return position;
  }

  public int getVersion() {
    return version;
  }
}
