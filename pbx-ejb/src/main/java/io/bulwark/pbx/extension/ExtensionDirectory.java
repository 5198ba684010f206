package io.bulwark.pbx.extension;

import io.bulwark.pbx.system.SecretCipher;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers the registrar's one question, "what are the credentials for this registration name?",
 * from memory after the first lookup: a REGISTER must not cost a database read and a decryption.
 * Entries are dropped when an extension changes.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ExtensionDirectory {

  private final Map<String, SipCredentials> cache = new ConcurrentHashMap<>();

  @PersistenceContext private EntityManager em;
  @Inject private SecretCipher cipher;

  public Optional<SipCredentials> credentials(String registrationName, String realm) {
    SipCredentials cached = cache.get(registrationName);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<SipCredentials> loaded =
        em.createNamedQuery("Extension.byRegistrationName", Extension.class)
            .setParameter("name", registrationName)
            .getResultStream()
            .findFirst()
            .map(e -> SipCredentials.of(e, realm, cipher.decrypt(e.getEncryptedSecret())));
    loaded.ifPresent(c -> cache.put(registrationName, c));
    return loaded;
  }

  public void forget(
      @Observes(during = TransactionPhase.AFTER_COMPLETION) ExtensionChanged changed) {
    cache.remove(changed.registrationName());
  }
}
