package io.bulwark.pbx.identity;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.UniqueNames;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Issues, changes, re-keys and revokes API clients, here and in Keycloak in one step. A secret is
 * returned once, when issued, and never kept.
 */
@Stateless
public class ApiClientService {

  @PersistenceContext private EntityManager em;
  @Inject private KeycloakDirectory directory;
  @Inject private RoleService roles;
  @Inject private Clock clock;
  @Inject private SecurityEvents events;
  @Inject private Event<ApiClientsChanged> changes;

  /** A client with the secret just issued to it, to be shown once. */
  public record Issued(ApiClient client, String secret) {}

  public List<ApiClient> all() {
    return em.createNamedQuery("ApiClient.all", ApiClient.class).getResultList();
  }

  public ApiClient get(long id) {
    ApiClient found = em.find(ApiClient.class, id);
    if (found == null) {
      throw new NotFoundException("API client " + id + " does not exist");
    }
    return found;
  }

  public Issued create(ApiClientDraft draft, String actor) {
    check(draft, null);
    ApiClient client = null;
    KeycloakDirectory.IssuedClient issued =
        directory.createApiClient(
            ApiClient.PREFIX + draft.name().strip(),
            "Bulwark API client: " + (draft.description() == null ? "" : draft.description()),
            draft.role().strip());
    try {
      client = new ApiClient(draft, issued.id(), clock.instant(), actor);
      em.persist(client);
      em.flush();
    } catch (RuntimeException e) {
      directory.deleteClient(issued.id());
      throw e;
    }
    changed(client, EventType.API_CLIENT_CREATED, actor, "create", "role " + client.getRole());
    return new Issued(client, issued.secret());
  }

  public ApiClient update(long id, Integer readVersion, ApiClientDraft draft, String actor) {
    ApiClient client = get(id);
    ConcurrentChangeException.check(
        readVersion, client.getVersion(), "API client " + client.getName());
    check(new ApiClientDraft(client.getName(), draft.description(), draft.role()), id);
    if (draft.name() != null && !draft.name().strip().equals(client.getName())) {
      throw new InvalidInputException(
          List.of(new FieldViolation("name", "An API client keeps its name; issue a new one")));
    }
    String oldRole = client.getRole();
    client.apply(draft);
    em.flush();
    if (!oldRole.equals(client.getRole())) {
      directory.replaceRole(client.keycloakId(), oldRole, client.getRole());
    }
    changed(client, EventType.API_CLIENT_UPDATED, actor, "update", "role " + client.getRole());
    return client;
  }

  /** A new secret for client {@code id}; the old one stops working at once. */
  public Issued rotate(long id, String actor) {
    ApiClient client = get(id);
    client.secretIssued(clock.instant());
    em.flush();
    String secret = directory.rotateSecret(client.keycloakId());
    changed(client, EventType.API_CLIENT_SECRET_ROTATED, actor, "rotate", "new secret issued");
    return new Issued(client, secret);
  }

  /** Deletes client {@code id}: its secret and the tokens it holds stop working at once. */
  public void revoke(long id, String actor) {
    ApiClient client = get(id);
    em.remove(client);
    em.flush();
    directory.deleteClient(client.keycloakId());
    changed(client, EventType.API_CLIENT_REVOKED, actor, "revoke", "revoked");
  }

  private void check(ApiClientDraft draft, Long self) {
    List<FieldViolation> violations = new ArrayList<>(draft.violations());
    if (violations.isEmpty()) {
      String role = draft.role().strip();
      if (BuiltInRole.named(role).isEmpty() && roles.find(role).isEmpty()) {
        violations.add(new FieldViolation("role", "No role of this name"));
      }
      if (UniqueNames.takenByAnother(
          all(), ApiClient::getName, ApiClient::getId, draft.name(), self)) {
        violations.add(new FieldViolation("name", "An API client of that name exists"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  private void changed(
      ApiClient client, EventType type, String actor, String action, String detail) {
    changes.fire(new ApiClientsChanged());
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            type,
            null,
            actor,
            action,
            "API client " + client.getClientId() + ": " + detail));
  }
}
