package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.identity.ApiClient;
import io.bulwark.pbx.identity.ApiClientDraft;
import io.bulwark.pbx.identity.ApiClientService;
import io.bulwark.pbx.identity.BuiltInRole;
import io.bulwark.pbx.identity.CustomRole;
import io.bulwark.pbx.identity.RoleService;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.PublicAddress;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * System > API Clients: issue a client with a role (its secret shown once, here), change its role,
 * issue a new secret, revoke it.
 */
@Named
@ViewScoped
public class ApiClientsView implements Serializable {

  @Inject private transient ApiClientService clients;
  @Inject private transient RoleService roles;

  private final EditedRecord edited = new EditedRecord("API client", "client");
  private List<ApiClient> all;
  private String name;
  private String description;
  private String role = BuiltInRole.ADMINISTRATOR.roleName();
  private String shownClientId;
  private String shownSecret;

  @PostConstruct
  void load() {
    all = clients.all();
  }

  public List<ApiClient> getAll() {
    return all;
  }

  /** The roles a client may hold: every one but the super administrator's. */
  public List<String> getRoles() {
    List<String> names = new ArrayList<>();
    for (BuiltInRole builtIn : BuiltInRole.values()) {
      if (builtIn != BuiltInRole.SUPER_ADMINISTRATOR) {
        names.add(builtIn.roleName());
      }
    }
    roles.custom().stream().map(CustomRole::getName).forEach(names::add);
    return names;
  }

  public void edit(long id) {
    edited
        .ifStillThere(() -> clients.get(id))
        .ifPresent(
            c -> {
              edited.edit(c.getId(), c.getVersion(), c.getName());
              name = c.getName();
              description = c.getDescription();
              role = c.getRole();
            });
  }

  public void save() {
    ApiClientDraft draft = new ApiClientDraft(name, description, role);
    if (edited.save(
        name,
        actor -> {
          ApiClientService.Issued issued = clients.create(draft, actor);
          shown(issued.client().getClientId(), issued.secret());
        },
        (id, version, actor) -> clients.update(id, version, draft, actor))) {
      clear();
    }
    load();
  }

  public void rotate(long id) {
    try {
      ApiClientService.Issued issued = clients.rotate(id, FormMessages.actor());
      shown(issued.client().getClientId(), issued.secret());
      FormMessages.info("New secret issued for " + issued.client().getClientId());
    } catch (NotFoundException e) {
      FormMessages.error("This API client was revoked by someone else.");
    } catch (UnavailableException e) {
      FormMessages.error(e.getMessage());
    }
    load();
  }

  public void revoke(long id, String shownName) {
    edited.delete(shownName, actor -> clients.revoke(id, actor));
    if (edited.isEditing(id)) {
      clear();
    }
    load();
  }

  public void clear() {
    edited.clear();
    name = null;
    description = null;
    role = BuiltInRole.ADMINISTRATOR.roleName();
  }

  /** Forgets the secret shown: it is never shown again. */
  public void hideSecret() {
    shownClientId = null;
    shownSecret = null;
  }

  private void shown(String clientId, String secret) {
    shownClientId = clientId;
    shownSecret = secret;
  }

  public boolean isEditing() {
    return edited.isEditing();
  }

  public String getShownClientId() {
    return shownClientId;
  }

  public String getShownSecret() {
    return shownSecret;
  }

  public String getTokenUrl() {
    return PublicAddress.keycloak() + "/realms/bulwark/protocol/openid-connect/token";
  }

  public String getApiUrl() {
    return UserSession.publicUrl() + "/api/v1/extensions";
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }
}
