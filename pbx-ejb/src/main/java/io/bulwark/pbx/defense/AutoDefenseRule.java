package io.bulwark.pbx.defense;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
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

  @Embedded private RuleScope scope;

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
    scope = new RuleScope(draft.protocol(), draft.service(), draft.portRange());
    packets = draft.packets();
    seconds = draft.seconds();
  }

  public RateRule rule(ServicePorts where) {
    return new RateRule(
        name, scope.getProtocol(), scope.ports(where), new RateLimit(packets, seconds));
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public RuleScope getScope() {
    return scope;
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
