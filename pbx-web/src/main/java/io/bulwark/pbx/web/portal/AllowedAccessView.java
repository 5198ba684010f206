package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.defense.AccessSettings;
import io.bulwark.pbx.defense.AccessSettingsDraft;
import io.bulwark.pbx.defense.CountryDatabase;
import io.bulwark.pbx.defense.DefenseRuleService;
import io.bulwark.pbx.defense.DefenseTable;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.web.http.ClientAddress;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletRequest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Security > Allowed Access: the guide's Allowed Country IPs, and allowlist mode. Saving refuses
 * settings that would shut out the address the administrator is using.
 */
@Named
@ViewScoped
public class AllowedAccessView implements Serializable {

  private static final String FORM = "access";

  @Inject private transient DefenseRuleService rules;
  @Inject private transient DefenseTable table;

  private int version;
  private boolean countryFilter;
  private List<String> allowedCountries = new ArrayList<>();
  private boolean allowlistOnly;

  @PostConstruct
  void load() {
    AccessSettings settings = rules.access();
    version = settings.getVersion();
    countryFilter = settings.isCountryFilter();
    allowedCountries = new ArrayList<>(settings.getAllowedCountries());
    allowlistOnly = settings.isAllowlistOnly();
  }

  public void save() {
    try {
      rules.updateAccess(
          version,
          new AccessSettingsDraft(countryFilter, allowedCountries, allowlistOnly),
          FormMessages.actor(),
          ClientAddress.of(
              (ServletRequest)
                  FacesContext.getCurrentInstance().getExternalContext().getRequest()));
      load();
      FormMessages.info("Access settings saved");
    } catch (InvalidInputException e) {
      // Shutting out one's own address is no one field's fault.
      e.violations().stream()
          .filter(v -> v.field().equals("access"))
          .forEach(v -> FormMessages.refused(v.message()));
      FormMessages.fields(
          FORM, e.violations().stream().filter(v -> !v.field().equals("access")).toList());
    } catch (ConcurrentChangeException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  /** Every country, by its English name, with its code. */
  public List<SelectItem> getCountries() {
    return Arrays.stream(Locale.getISOCountries())
        .map(
            code ->
                new SelectItem(
                    code,
                    new Locale("", code).getDisplayCountry(Locale.ENGLISH) + " (" + code + ")"))
        .sorted(Comparator.comparing(SelectItem::getLabel))
        .toList();
  }

  /** The country database in use, or why there is none. */
  public String getCountryDatabase() {
    return table
        .countries()
        .map(CountryDatabase::describe)
        .orElse("none installed: the country filter cannot be turned on");
  }

  public boolean isCountryFilter() {
    return countryFilter;
  }

  public void setCountryFilter(boolean countryFilter) {
    this.countryFilter = countryFilter;
  }

  public List<String> getAllowedCountries() {
    return allowedCountries;
  }

  public void setAllowedCountries(List<String> allowedCountries) {
    this.allowedCountries = allowedCountries;
  }

  public boolean isAllowlistOnly() {
    return allowlistOnly;
  }

  public void setAllowlistOnly(boolean allowlistOnly) {
    this.allowlistOnly = allowlistOnly;
  }
}
