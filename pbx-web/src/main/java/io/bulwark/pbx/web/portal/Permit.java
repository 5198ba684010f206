package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.identity.Access;
import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.identity.Permissions;
import io.bulwark.pbx.identity.RoleTable;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * What the signed-in user's roles allow, for the menu ({@code #{permit.view('TRUNKS')}}) and the
 * pages' buttons ({@code #{permit.editable}}: whether the current page may be changed).
 */
@Named
@RequestScoped
public class Permit {

  @Inject private RoleTable roles;
  private Permissions permissions;

  Permissions permissions() {
    if (permissions == null) {
      ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
      permissions = roles.of(external::isUserInRole);
    }
    return permissions;
  }

  public boolean view(String area) {
    return permissions().allows(Area.valueOf(area), Access.VIEW);
  }

  public boolean edit(String area) {
    return permissions().allows(Area.valueOf(area), Access.EDIT);
  }

  /** Whether the user may change what the current page shows. */
  public boolean isEditable() {
    String page = FacesContext.getCurrentInstance().getViewRoot().getViewId();
    return PortalPages.areaOf(page).map(a -> permissions().allows(a, Access.EDIT)).orElse(false);
  }
}
