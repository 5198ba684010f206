package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.defense.RateLimit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A custom outbound call frequency rule (the guide's fourth tab of Security Rules): the extensions
 * that follow it may place at most {@code calls} outbound calls in {@code seconds}, instead of the
 * default rule.
 */
@Entity
@Table(name = "frequency_rule")
@NamedQuery(name = "FrequencyRule.all", query = "select r from FrequencyRule r order by r.name")
@NamedQuery(
    name = "FrequencyRule.countById",
    query = "select count(r) from FrequencyRule r where r.id = :id")
public class FrequencyRule {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String name;

  @Column(nullable = false)
  private int calls;

  @Column(nullable = false)
  private int seconds;

  @Version private int version;

  protected FrequencyRule() {}

  FrequencyRule(FrequencyRuleDraft draft) {
    apply(draft);
  }

  void apply(FrequencyRuleDraft draft) {
    name = draft.name().strip();
    calls = draft.calls();
    seconds = draft.seconds();
  }

  /** The rule as the chain counts it. */
  FrequencyLimit limit() {
    return new FrequencyLimit(name, new RateLimit(calls, seconds));
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public int getCalls() {
    return calls;
  }

  public int getSeconds() {
    return seconds;
  }

  public int getVersion() {
    return version;
  }
}
