package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.defense.RateLimit;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

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

  @Column(name = "country_codes_enabled", nullable = false)
  private boolean countryCodesEnabled;

  /** The calling codes allowed abroad, as digits ({@code 1242}). */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "allowed_calling_code", joinColumns = @JoinColumn(name = "settings_id"))
  @Column(name = "digits", nullable = false, length = 8)
  private Set<String> allowedCodes = new HashSet<>();

  @Version private int version;

  protected CallSecuritySettings() {}

  void apply(CallSecuritySettingsDraft draft) {
    frequencyEnabled = draft.frequencyEnabled();
    frequencyCalls = draft.frequencyCalls();
    frequencySeconds = draft.frequencySeconds();
    internationalPrefix = draft.internationalPrefix().strip();
    maxCallSeconds = draft.maxCallSeconds();
  }

  /** Turns the dialing protection on or off, and allows these calling codes (known ones). */
  void allowCountryCodes(boolean enabled, Collection<CallingCode> codes) {
    countryCodesEnabled = enabled;
    allowedCodes.clear();
    codes.forEach(code -> allowedCodes.add(code.digits()));
  }

  /** The calling codes (as digits) a number dialled abroad may begin with; null when it is off. */
  Set<String> countryCodesInForce() {
    return countryCodesEnabled ? Set.copyOf(allowedCodes) : null;
  }

  public boolean isCountryCodesEnabled() {
    return countryCodesEnabled;
  }

  /** The allowed calling codes, as digits. */
  public Set<String> getAllowedCodes() {
    return Set.copyOf(allowedCodes);
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
