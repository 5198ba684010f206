package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.defense.RateLimit;

/** An outbound call frequency rule as the chain counts it: its name and its rate. */
public record FrequencyLimit(String name, RateLimit rate) {

  /** The guide's name of the default rule. */
  public static final String DEFAULT_NAME = "Default_Ext_Outbound Call Frequency";
}
