package io.bulwark.pbx.extension;

import io.bulwark.pbx.system.SecretCipher;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers the registrar's one question, "what are the credentials for this registration name?",
 * from memory: every extension's credentials are loaded when SIP starts and follow each change.
 *
 * <p>Why everything and not a cache of hits: an unknown name must cost exactly what a known one
 * costs, or a scanner could tell them apart by the response time and make every guess a database
 * query.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ExtensionDirectory {

  private final Map<String, SipCredentials> byName = new ConcurrentHashMap<>();
  private final Map<String, String> callerIdByNumber = new ConcurrentHashMap<>();
  private volatile String realm;

  @PersistenceContext private EntityManager em;
  @Inject private SecretCipher cipher;

  /** Loads the credentials of every extension, with HA1 for {@code sipRealm}. */
  public void load(String sipRealm) {
    realm = sipRealm;
    byName.clear();
    callerIdByNumber.clear();
    em.createNamedQuery("Extension.all", Extension.class).getResultList().forEach(this::put);
  }

  /**
   * The lookup the registrar calls for every REGISTER on a SIP stack thread: a plain map read,
   * without the container proxy and transaction check a call on this bean would cost.
   */
  public Function<String, Optional<SipCredentials>> lookup() {
    return name -> Optional.ofNullable(byName.get(name));
  }

  /**
   * The caller ID name of each extension by its number, for the call router: present for every
   * extension (empty when it has none), absent for a number that is no extension.
   */
  public Function<String, Optional<String>> callerIdNames() {
    return number -> Optional.ofNullable(callerIdByNumber.get(number));
  }

  /** Runs after the change committed, in a transaction of its own (the committed one is over). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void follow(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExtensionChanged change) {
    if (realm == null) {
      return; // SIP has not started; load() will read the current state.
    }
    if (change.previousRegistrationName() != null) {
      SipCredentials previous = byName.remove(change.previousRegistrationName());
      if (previous != null) {
        callerIdByNumber.remove(previous.extensionNumber());
      }
    }
    Extension extension = em.find(Extension.class, change.extensionId());
    if (extension != null) {
      put(extension);
    }
  }

  private void put(Extension extension) {
    String secret = cipher.decrypt(extension.getEncryptedSecret());
    byName.put(extension.getRegistrationName(), SipCredentials.of(extension, realm, secret));
    String name = extension.getDisplayName();
    callerIdByNumber.put(extension.getNumber(), name == null ? "" : name);
  }
}
