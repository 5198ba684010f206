package io.bulwark.pbx.extension;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The guide's extension call restrictions: whether the extension may place outbound calls at all,
 * and international ones. Calls between extensions are never restricted by them.
 */
@Embeddable
public class OutboundRestrictions {

  @Column(name = "outbound_disabled", nullable = false)
  private boolean outboundDisabled;

  @Column(name = "international_disallowed", nullable = false)
  private boolean internationalDisallowed;

  protected OutboundRestrictions() {}

  public OutboundRestrictions(boolean outboundDisabled, boolean internationalDisallowed) {
    this.outboundDisabled = outboundDisabled;
    this.internationalDisallowed = internationalDisallowed;
  }

  /** Whether either restriction is on. */
  public boolean restricts() {
    return outboundDisabled || internationalDisallowed;
  }

  public boolean isOutboundDisabled() {
    return outboundDisabled;
  }

  public boolean isInternationalDisallowed() {
    return internationalDisallowed;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OutboundRestrictions that
        && outboundDisabled == that.outboundDisabled
        && internationalDisallowed == that.internationalDisallowed;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(outboundDisabled) * 31 + Boolean.hashCode(internationalDisallowed);
  }
}
