package io.bulwark.pbx.extension;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.Optional;

/**
 * The guide's extension call restrictions: whether the extension may place outbound calls at all,
 * outside business hours, and international ones, how long its outbound calls may last, and the
 * custom outbound call frequency rule it follows instead of the default one. Calls between
 * extensions are never restricted by them.
 */
@Embeddable
public class OutboundRestrictions {

  /** The longest call limit an administrator may set: a day. */
  public static final int MAX_SECONDS = 86_400;

  @Column(name = "outbound_disabled", nullable = false)
  private boolean outboundDisabled;

  @Column(name = "outside_hours_disabled", nullable = false)
  private boolean outsideHoursDisabled;

  @Column(name = "international_disallowed", nullable = false)
  private boolean internationalDisallowed;

  /** Null: the global maximum call duration alone. */
  @Column(name = "max_outbound_seconds")
  private Integer maxOutboundSeconds;

  /** Null: the default outbound call frequency rule. */
  @Column(name = "frequency_rule_id")
  private Long frequencyRuleId;

  protected OutboundRestrictions() {}

  public OutboundRestrictions(
      boolean outboundDisabled,
      boolean outsideHoursDisabled,
      boolean internationalDisallowed,
      Integer maxOutboundSeconds,
      Long frequencyRuleId) {
    this.outboundDisabled = outboundDisabled;
    this.outsideHoursDisabled = outsideHoursDisabled;
    this.internationalDisallowed = internationalDisallowed;
    this.maxOutboundSeconds = maxOutboundSeconds;
    this.frequencyRuleId = frequencyRuleId;
  }

  /** No restriction at all: a new extension's. */
  public static OutboundRestrictions none() {
    return new OutboundRestrictions(false, false, false, null, null);
  }

  /** The same restrictions with outbound calls disabled. */
  public OutboundRestrictions withOutboundDisabled() {
    return new OutboundRestrictions(
        true, outsideHoursDisabled, internationalDisallowed, maxOutboundSeconds, frequencyRuleId);
  }

  /** Whether any restriction is on. */
  public boolean restricts() {
    return outboundDisabled
        || outsideHoursDisabled
        || internationalDisallowed
        || maxOutboundSeconds != null
        || frequencyRuleId != null;
  }

  /** What is wrong with these restrictions, if anything. */
  public Optional<String> problem() {
    return maxOutboundSeconds != null
            && (maxOutboundSeconds < 1 || maxOutboundSeconds > MAX_SECONDS)
        ? Optional.of(
            "Max outbound call duration must be 1 to " + MAX_SECONDS + " seconds, or empty")
        : Optional.empty();
  }

  public boolean isOutboundDisabled() {
    return outboundDisabled;
  }

  public boolean isOutsideHoursDisabled() {
    return outsideHoursDisabled;
  }

  public boolean isInternationalDisallowed() {
    return internationalDisallowed;
  }

  public Integer getMaxOutboundSeconds() {
    return maxOutboundSeconds;
  }

  public Long getFrequencyRuleId() {
    return frequencyRuleId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OutboundRestrictions that
        && outboundDisabled == that.outboundDisabled
        && outsideHoursDisabled == that.outsideHoursDisabled
        && internationalDisallowed == that.internationalDisallowed
        && Objects.equals(maxOutboundSeconds, that.maxOutboundSeconds)
        && Objects.equals(frequencyRuleId, that.frequencyRuleId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        outboundDisabled,
        outsideHoursDisabled,
        internationalDisallowed,
        maxOutboundSeconds,
        frequencyRuleId);
  }
}
