package io.bulwark.pbx.routing;

import java.util.Locale;
import java.util.Optional;

/** When an outbound route may be used, against the business hours and holidays. */
public enum TimeCondition {
  ANY_TIME("Any time"),
  BUSINESS_HOURS("Only in business hours"),
  OUTSIDE_BUSINESS_HOURS("Only outside business hours");

  private final String label;

  TimeCondition(String label) {
    this.label = label;
  }

  public String getLabel() {
    return label;
  }

  /** Whether a route with this condition may be used when the office {@code open} or not. */
  public boolean admits(boolean open) {
    return switch (this) {
      case ANY_TIME -> true;
      case BUSINESS_HOURS -> open;
      case OUTSIDE_BUSINESS_HOURS -> !open;
    };
  }

  /** The condition named {@code text} (any case); empty for none such. */
  public static Optional<TimeCondition> of(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (TimeCondition c : values()) {
      if (c.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
