package io.bulwark.pbx.extension;

import io.bulwark.pbx.extension.RegistrationOutcome.Rejected;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/** Applies authenticated REGISTER requests to the stored bindings. */
@Stateless
public class RegistrationService {

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;

  private RegistrationRules rules;

  @PostConstruct
  void init() {
    rules = new RegistrationRules(RegistrationPolicy.STANDARD, clock);
  }

  public RegistrationPolicy policy() {
    return RegistrationPolicy.STANDARD;
  }

  public RegistrationOutcome register(RegisterRequest request) {
    Extension extension =
        em.createNamedQuery("Extension.byNumber", Extension.class)
            .setParameter("number", request.extensionNumber())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (extension == null) {
      return new Rejected("Extension " + request.extensionNumber() + " does not exist");
    }
    List<RegistrationBinding> existing =
        em.createNamedQuery("RegistrationBinding.ofExtension", RegistrationBinding.class)
            .setParameter("extension", extension)
            .getResultList();
    RegistrationRules.Result result = rules.apply(extension, existing, request);
    result.removed().forEach(em::remove);
    result.added().forEach(em::persist);
    return result.outcome();
  }

  public List<RegistrationBinding> activeBindings() {
    return em.createNamedQuery("RegistrationBinding.active", RegistrationBinding.class)
        .setParameter("now", clock.instant())
        .getResultList();
  }

  public long countActive() {
    return em.createNamedQuery("RegistrationBinding.countActive", Long.class)
        .setParameter("now", clock.instant())
        .getSingleResult();
  }

  @Schedule(minute = "*", hour = "*", persistent = false)
  void purgeExpired() {
    em.createNamedQuery("RegistrationBinding.deleteExpired")
        .setParameter("now", clock.instant())
        .executeUpdate();
  }
}
