package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.callpolicy.FrequencyRule;
import io.bulwark.pbx.callpolicy.FrequencyRuleService;
import io.bulwark.pbx.extension.Extension;
import io.bulwark.pbx.extension.ExtensionDraft;
import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.extension.OutboundRestrictions;
import io.bulwark.pbx.extension.RegistrationGuard;
import io.bulwark.pbx.extension.RegistrationPasswords;
import io.bulwark.pbx.extension.RegistrationSecurity;
import io.bulwark.pbx.extension.RegistrationSecurityDraft;
import io.bulwark.pbx.extension.UserInformation;
import io.bulwark.pbx.extension.UserInformationDraft;
import io.bulwark.pbx.identity.BuiltInRole;
import io.bulwark.pbx.identity.RoleTable;
import io.bulwark.pbx.location.LocationService;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The Extensions page: the list, and one form that creates or edits an extension with its
 * registration security. A new extension starts with a generated password.
 */
@Named
@ViewScoped
public class ExtensionsView implements Serializable {

  private static final String FORM = "extensionForm";

  @Inject private transient ExtensionService extensions;
  @Inject private transient LocationService locations;
  @Inject private transient FrequencyRuleService frequencyRules;
  @Inject private transient RoleTable roleTable;

  private List<Extension> all;
  private List<Extension> filtered;
  private Set<String> registered = Set.of();
  private Long editingId;
  private int editingVersion;
  private String number;
  private String displayName;
  private String registrationName;
  private String secret;
  private String email;
  private String firstName;
  private String lastName;
  private String mobile;
  private String role = UserInformation.DEFAULT_ROLE;
  private int concurrentRegistrations;
  private String userAgents;
  private String permittedIps;
  private boolean remoteRegistration;
  private boolean tlsOnly;
  private boolean outboundDisabled;
  private boolean internationalDisallowed;
  private boolean outsideHoursDisabled;
  private Integer maxOutboundSeconds;
  private Long frequencyRuleId;

  @PostConstruct
  void init() {
    startNew();
    load();
  }

  private void load() {
    all = extensions.all();
    filtered = null;
    Set<String> now = new HashSet<>();
    locations.locations().forEachActive((number, bindings) -> now.add(number));
    registered = now;
  }

  public void refresh() {
    load();
  }

  /** Fills the password field with a new strong password, shown so it can be copied. */
  public void generateSecret() {
    secret = RegistrationPasswords.generate();
  }

  public boolean registered(Extension extension) {
    return registered.contains(extension.getNumber());
  }

  public String statusOf(Extension extension) {
    return registered(extension) ? "Registered" : "Unregistered";
  }

  public void startNew() {
    editingId = null;
    number = displayName = registrationName = email = null;
    firstName = lastName = mobile = null;
    role = UserInformation.DEFAULT_ROLE;
    secret = RegistrationPasswords.generate();
    RegistrationGuard fresh = RegistrationGuard.DEFAULT;
    concurrentRegistrations = fresh.concurrentRegistrations();
    userAgents = permittedIps = "";
    remoteRegistration = fresh.remoteRegistration();
    tlsOnly = fresh.tlsOnly();
    outboundDisabled = outsideHoursDisabled = internationalDisallowed = false;
    maxOutboundSeconds = null;
    frequencyRuleId = null;
  }

  public void edit(long id) {
    Extension e;
    try {
      e = extensions.get(id);
    } catch (NotFoundException gone) {
      FormMessages.error("This extension was deleted by someone else.");
      load();
      return;
    }
    editingId = e.getId();
    editingVersion = e.getVersion();
    number = e.getNumber();
    displayName = e.getDisplayName();
    registrationName = e.getRegistrationName();
    email = e.getEmail();
    firstName = e.getUser().getFirstName();
    lastName = e.getUser().getLastName();
    mobile = e.getUser().getMobile();
    role = e.getUser().getRole();
    secret = null;
    RegistrationSecurity security = e.getSecurity();
    concurrentRegistrations = security.getConcurrentRegistrations();
    userAgents = String.join("\n", security.getUserAgents());
    permittedIps = String.join("\n", security.getPermittedIps());
    remoteRegistration = security.isRemoteRegistration();
    tlsOnly = security.isTlsOnly();
    outboundDisabled = e.getRestrictions().isOutboundDisabled();
    internationalDisallowed = e.getRestrictions().isInternationalDisallowed();
    outsideHoursDisabled = e.getRestrictions().isOutsideHoursDisabled();
    maxOutboundSeconds = e.getRestrictions().getMaxOutboundSeconds();
    frequencyRuleId = e.getRestrictions().getFrequencyRuleId();
  }

  public void save() {
    ExtensionDraft draft =
        new ExtensionDraft(
            number,
            displayName,
            registrationName,
            secret,
            email,
            new RegistrationSecurityDraft(
                concurrentRegistrations,
                TextareaLines.of(userAgents),
                TextareaLines.of(permittedIps),
                remoteRegistration,
                tlsOnly),
            new OutboundRestrictions(
                outboundDisabled,
                outsideHoursDisabled,
                internationalDisallowed,
                maxOutboundSeconds,
                frequencyRuleId),
            new UserInformationDraft(firstName, lastName, mobile, role));
    try {
      String actor = FormMessages.actor();
      ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
      roleTable.checkGrant(external::isUserInRole, role, "user.role");
      if (editingId == null) {
        extensions.create(draft, actor);
        FormMessages.info("Extension " + number + " created");
      } else {
        extensions.update(editingId, editingVersion, draft, actor);
        FormMessages.info("Extension " + number + " saved");
      }
      startNew();
      load();
    } catch (ConcurrentChangeException e) {
      FormMessages.refused(e.getMessage());
    } catch (NotFoundException e) {
      FormMessages.refused(
          "Extension " + number + " was deleted by someone else; nothing was saved.");
      startNew();
      load();
    } catch (InvalidInputException e) {
      // The security and restriction fields are named security.x and restrictions.x in the API,
      // x on this form.
      FormMessages.fields(
          FORM,
          e.violations().stream()
              .map(
                  v ->
                      new FieldViolation(
                          v.field().replaceFirst("^(security|restrictions|user)\\.", ""),
                          v.message()))
              .toList());
    }
  }

  /** Deletes the extension the list shows as {@code number}; messages name it by that number. */
  public void delete(long id, String number) {
    try {
      extensions.delete(id, FormMessages.actor());
      FormMessages.info("Extension " + number + " deleted");
    } catch (NotFoundException e) {
      FormMessages.info("Extension " + number + " was already deleted by someone else.");
    }
    if (editingId != null && editingId == id) {
      startNew();
    }
    load();
  }

  /** The choices of concurrent registrations. */
  public List<Integer> getDeviceChoices() {
    return IntStream.rangeClosed(1, RegistrationSecurityDraft.MAX_CONCURRENT).boxed().toList();
  }

  public List<Extension> getAll() {
    return all;
  }

  public List<Extension> getFiltered() {
    return filtered;
  }

  public void setFiltered(List<Extension> filtered) {
    this.filtered = filtered;
  }

  public boolean isEditing() {
    return editingId != null;
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getRegistrationName() {
    return registrationName;
  }

  public void setRegistrationName(String registrationName) {
    this.registrationName = registrationName;
  }

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }

  /** The roles a user may be given here: every one but the super administrator's. */
  public List<String> getRoles() {
    return roleTable.names().stream()
        .filter(r -> !r.equals(BuiltInRole.SUPER_ADMINISTRATOR.roleName()))
        .sorted()
        .toList();
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  public String getMobile() {
    return mobile;
  }

  public void setMobile(String mobile) {
    this.mobile = mobile;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public int getConcurrentRegistrations() {
    return concurrentRegistrations;
  }

  public void setConcurrentRegistrations(int concurrentRegistrations) {
    this.concurrentRegistrations = concurrentRegistrations;
  }

  public String getUserAgents() {
    return userAgents;
  }

  public void setUserAgents(String userAgents) {
    this.userAgents = userAgents;
  }

  public String getPermittedIps() {
    return permittedIps;
  }

  public void setPermittedIps(String permittedIps) {
    this.permittedIps = permittedIps;
  }

  public boolean isRemoteRegistration() {
    return remoteRegistration;
  }

  public void setRemoteRegistration(boolean remoteRegistration) {
    this.remoteRegistration = remoteRegistration;
  }

  public boolean isTlsOnly() {
    return tlsOnly;
  }

  public void setTlsOnly(boolean tlsOnly) {
    this.tlsOnly = tlsOnly;
  }

  public boolean isOutboundDisabled() {
    return outboundDisabled;
  }

  public void setOutboundDisabled(boolean outboundDisabled) {
    this.outboundDisabled = outboundDisabled;
  }

  public boolean isInternationalDisallowed() {
    return internationalDisallowed;
  }

  public void setInternationalDisallowed(boolean internationalDisallowed) {
    this.internationalDisallowed = internationalDisallowed;
  }

  public boolean isOutsideHoursDisabled() {
    return outsideHoursDisabled;
  }

  public void setOutsideHoursDisabled(boolean outsideHoursDisabled) {
    this.outsideHoursDisabled = outsideHoursDisabled;
  }

  public Long getFrequencyRuleId() {
    return frequencyRuleId;
  }

  public void setFrequencyRuleId(Long frequencyRuleId) {
    this.frequencyRuleId = frequencyRuleId;
  }

  /** The custom frequency rules an extension may follow instead of the default one. */
  public List<FrequencyRule> getFrequencyRules() {
    return frequencyRules.all();
  }

  public Integer getMaxOutboundSeconds() {
    return maxOutboundSeconds;
  }

  public void setMaxOutboundSeconds(Integer maxOutboundSeconds) {
    this.maxOutboundSeconds = maxOutboundSeconds;
  }
}
