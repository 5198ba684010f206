package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.defense.RateLimit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The call policy's settings; one row. */
@Entity
@Table(name = "call_security_settings")
public class CallSecuritySettings {

  public static final int ID = 1;

  @Id private int id;

  @Column(name = "frequency_enabled", nullable = false)
  private boolean frequencyEnabled;

  @Column(name = "frequency_calls", nullable = false)
  private int frequencyCalls;

  @Column(name = "frequency_seconds", nullable = false)
  private int frequencySeconds;

  @Column(name = "international_prefix", nullable = false, length = 4)
  private String internationalPrefix;

  @Column(name = "max_call_seconds", nullable = false)
  private int maxCallSeconds;

  @Version private int version;

  protected CallSecuritySettings() {}

  void apply(CallSecuritySettingsDraft draft) {
    frequencyEnabled = draft.frequencyEnabled();
    frequencyCalls = draft.frequencyCalls();
    frequencySeconds = draft.frequencySeconds();
    internationalPrefix = draft.internationalPrefix().strip();
    maxCallSeconds = draft.maxCallSeconds();
  }

  /** The default frequency rule, or null when it is off. */
  RateLimit frequency() {
    return frequencyEnabled ? new RateLimit(frequencyCalls, frequencySeconds) : null;
  }

  public boolean isFrequencyEnabled() {
    return frequencyEnabled;
  }

  public int getFrequencyCalls() {
    return frequencyCalls;
  }

  public int getFrequencySeconds() {
    return frequencySeconds;
  }

  /** What a number dialled abroad begins with here: {@code 00}, {@code 011}. */
  public String getInternationalPrefix() {
    return internationalPrefix;
  }

  /** The guide's Max Call Duration: how long any call may last before Bulwark hangs it up. */
  public int getMaxCallSeconds() {
    return maxCallSeconds;
  }

  public int getVersion() {
    return version;
  }
}
