package io.bulwark.pbx.identity;

import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every role's permissions, in memory, so that each request's check asks no database: the built-in
 * ones, and the custom ones loaded at start and again after each committed change.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RoleTable {

  @PersistenceContext private EntityManager em;

  private volatile Map<String, Permissions> roles = Map.of();

  @PostConstruct
  void load() {
    Map<String, Permissions> all = new HashMap<>();
    for (BuiltInRole role : BuiltInRole.values()) {
      all.put(role.roleName(), role.permissions());
    }
    em.createNamedQuery("CustomRole.all", CustomRole.class)
        .getResultList()
        .forEach(role -> all.put(role.getName(), role.permissions()));
    roles = Map.copyOf(all);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void follow(@Observes(during = TransactionPhase.AFTER_SUCCESS) RolesChanged change) {
    load();
  }

  /**
   * Refuses (on the field {@code field}) to let a user holding the roles {@code holds} accepts give
   * the role {@code role} when it allows something they may not do themselves: nobody raises
   * another above their own access.
   */
  public void checkGrant(Predicate<String> holds, String role, String field) {
    if (!reaches(holds, role)) {
      throw new InvalidInputException(
          List.of(
              new FieldViolation(
                  field,
                  "You cannot give the role " + role + ": it has access your own roles lack")));
    }
  }

  /** Whether the roles {@code holds} accepts give at least the access of {@code role}. */
  public boolean reaches(Predicate<String> holds, String role) {
    Permissions given = roles.get(role);
    return given == null || of(holds).covers(given);
  }

  /** The names of every role Bulwark knows, built-in and custom: the realm roles it gives. */
  public Set<String> names() {
    return roles.keySet();
  }

  /**
   * What a user may do who holds the roles {@code holds} accepts: the greatest access each of their
   * roles gives, area by area. Realm roles Bulwark does not know give nothing.
   */
  public Permissions of(Predicate<String> holds) {
    Permissions granted = Permissions.NONE;
    for (Map.Entry<String, Permissions> role : roles.entrySet()) {
      if (holds.test(role.getKey())) {
        granted = granted.and(role.getValue());
      }
    }
    return granted;
  }
}
