package io.bulwark.pbx.defense;

import io.bulwark.pbx.system.Columns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.LinkedHashSet;
import java.util.List;

/** The one row of access settings: see {@link AccessPolicy}. */
@Entity
@Table(name = "access_settings")
public class AccessSettings {

  static final int ID = 1;

  @Id private int id;

  @Column(name = "country_filter", nullable = false)
  private boolean countryFilter;

  /** ISO 3166 alpha-2 codes, one per line. */
  @Column(name = "allowed_countries", nullable = false)
  private String allowedCountries;

  @Column(name = "allowlist_only", nullable = false)
  private boolean allowlistOnly;

  @Version private int version;

  protected AccessSettings() {}

  void apply(AccessSettingsDraft draft) {
    countryFilter = draft.countryFilter();
    allowedCountries = Columns.lines(draft.cleanCountries());
    allowlistOnly = draft.allowlistOnly();
  }

  public AccessPolicy policy() {
    return new AccessPolicy(
        countryFilter, new LinkedHashSet<>(getAllowedCountries()), allowlistOnly);
  }

  public boolean isCountryFilter() {
    return countryFilter;
  }

  public List<String> getAllowedCountries() {
    return Columns.entries(allowedCountries);
  }

  public boolean isAllowlistOnly() {
    return allowlistOnly;
  }

  public int getVersion() {
    return version;
  }
}
