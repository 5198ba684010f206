package io.bulwark.pbx.identity;

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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API clients in force, in memory: a token of a revoked client is refused at once, though
 * Keycloak signed it and it has not expired yet.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ApiClientTable {

  @PersistenceContext private EntityManager em;

  private volatile Set<String> principals = Set.of();

  @PostConstruct
  void load() {
    principals =
        em.createNamedQuery("ApiClient.all", ApiClient.class).getResultList().stream()
            .map(ApiClient::principal)
            .collect(Collectors.toUnmodifiableSet());
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void follow(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApiClientsChanged change) {
    load();
  }

  /** Whether {@code principal} is an API client's, and a revoked one. */
  public boolean isRevoked(String principal) {
    return principal != null
        && principal.startsWith(ApiClient.PRINCIPAL_PREFIX)
        && !principals.contains(principal);
  }
}
