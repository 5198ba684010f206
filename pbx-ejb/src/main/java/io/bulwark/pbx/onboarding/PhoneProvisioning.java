package io.bulwark.pbx.onboarding;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.extension.SipAccount;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.PublicAddress;
import io.bulwark.pbx.system.SipPortsService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Setting a phone app up by scanning: the user portal issues a one-time address (shown as a QR
 * code) from which Linphone fetches the extension's account, password included, once and within
 * {@link #LIFETIME}. Only the address's hash is kept.
 */
@Stateless
public class PhoneProvisioning {

  static final Duration LIFETIME = Duration.ofMinutes(15);

  @PersistenceContext private EntityManager em;
  @Inject private ExtensionService extensions;
  @Inject private SecurityEvents events;
  @Inject private Clock clock;
  @Inject private SipPortsService sipPorts;

  /** A new address for the user of extension {@code number}'s own phone app. */
  public String issue(String number) {
    extensions.byNumber(number).orElseThrow(() -> new NotFoundException("No extension " + number));
    OneTimeToken token = OneTimeToken.issue();
    Instant expires = clock.instant().plus(LIFETIME);
    em.persist(new ProvisioningLink(token.sha256(), number, expires));
    purgeExpired();
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.PROVISIONING_LINK_ISSUED,
            null,
            number,
            "issue",
            "extension=" + number + " until " + expires));
    return PublicAddress.url() + "/provisioning/" + token.value();
  }

  /**
   * The configuration behind {@code token}, spending it; empty for one that is unknown, spent or
   * expired. {@code source} is the address that asked, for the event log.
   */
  public Optional<String> fetch(String token, String source) {
    ProvisioningLink link =
        token == null || token.length() > 100
            ? null
            : em.find(ProvisioningLink.class, new OneTimeToken(token).sha256());
    Instant now = clock.instant();
    if (link == null || !link.spend(now)) {
      events.fireAsync(
          new SecurityEvent(
              now, EventType.PROVISIONING_REFUSED, source, null, "reject", "unknown or spent"));
      return Optional.empty();
    }
    Optional<SipAccount> account = extensions.sipAccount(link.extensionNumber());
    account.ifPresent(
        a ->
            events.fireAsync(
                new SecurityEvent(
                    now,
                    EventType.PHONE_PROVISIONED,
                    source,
                    a.number(),
                    "provision",
                    "extension=" + a.number())));
    return account.map(a -> LinphoneConfig.of(a, sipHost(), sipPorts.inForce().port()));
  }

  private void purgeExpired() {
    em.createQuery("delete from ProvisioningLink l where l.expiresAt < :before")
        .setParameter("before", clock.instant().minus(Duration.ofDays(1)))
        .executeUpdate();
  }

  private static String sipHost() {
    return URI.create(PublicAddress.url()).getHost();
  }
}
