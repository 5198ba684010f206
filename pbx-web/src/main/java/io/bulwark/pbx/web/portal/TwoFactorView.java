package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.identity.RoleTable;
import io.bulwark.pbx.identity.TwoFactorPolicy;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Roles > Two-factor authentication: the roles whose holders must sign in with a second factor. */
@Named
@ViewScoped
public class TwoFactorView implements Serializable {

  @Inject private transient TwoFactorPolicy policy;
  @Inject private transient RoleTable roles;

  private List<String> required = new ArrayList<>();

  @PostConstruct
  void load() {
    try {
      required = new ArrayList<>(policy.roles());
    } catch (UnavailableException e) {
      FormMessages.error(e.getMessage());
    }
  }

  public List<String> getAllRoles() {
    return new ArrayList<>(new TreeSet<>(roles.names()));
  }

  public void save() {
    try {
      required = new ArrayList<>(policy.update(Set.copyOf(required), FormMessages.actor()));
      FormMessages.info("Two-factor authentication saved");
    } catch (InvalidInputException e) {
      FormMessages.fields("twoFactor", e.violations());
    } catch (UnavailableException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public List<String> getRequired() {
    return required;
  }

  public void setRequired(List<String> required) {
    this.required = required;
  }
}
