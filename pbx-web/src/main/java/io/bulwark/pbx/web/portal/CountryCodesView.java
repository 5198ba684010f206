package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.callpolicy.CallSecurityService;
import io.bulwark.pbx.callpolicy.CallSecuritySettings;
import io.bulwark.pbx.callpolicy.CallingCode;
import io.bulwark.pbx.callpolicy.CallingCodes;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Security > Allowed Country Codes: the guide's dialing protection, on or off, and a tick for each
 * calling code an international call may go to.
 */
@Named
@ViewScoped
public class CountryCodesView implements Serializable {

  @Inject private transient CallSecurityService security;

  private int version;
  private boolean enabled;
  private String internationalPrefix;

  /** Whether each code (as written: {@code 1-242}) is allowed. */
  private final Map<String, Boolean> allowed = new HashMap<>();

  @PostConstruct
  void load() {
    CallSecuritySettings settings = security.settings();
    version = settings.getVersion();
    enabled = settings.isCountryCodesEnabled();
    internationalPrefix = settings.getInternationalPrefix();
    allowed.clear();
    for (CallingCode code : getCodes()) {
      allowed.put(code.code(), settings.getAllowedCodes().contains(code.digits()));
    }
  }

  public void save() {
    try {
      security.updateCountryCodes(
          version,
          enabled,
          allowed.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList(),
          FormMessages.actor());
      load();
      FormMessages.info(
          enabled
              ? "Allowed country codes saved: " + getAllowedCount() + " allowed"
              : "Allowed country codes saved: the protection is off");
    } catch (InvalidInputException e) {
      FormMessages.fields("codes", e.violations());
    } catch (ConcurrentChangeException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public List<CallingCode> getCodes() {
    return CallingCodes.shipped().all();
  }

  public long getAllowedCount() {
    return allowed.values().stream().filter(Boolean::booleanValue).count();
  }

  public Map<String, Boolean> getAllowed() {
    return allowed;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getInternationalPrefix() {
    return internationalPrefix;
  }
}
