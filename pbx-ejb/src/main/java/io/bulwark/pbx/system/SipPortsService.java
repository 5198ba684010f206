package io.bulwark.pbx.system;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * System > Network > Service Ports for SIP. A change is applied to the live listeners before it is
 * saved for good: when SIP cannot listen on the new ports it goes back to the old ones and nothing
 * is saved. The web ports are not SIP's to move, so the administrator's session stays.
 */
@Stateless
public class SipPortsService {

  private static final Logger LOG = Logger.getLogger(SipPortsService.class);

  /** The ports in force, with the other services' ports that SIP may not take. */
  public record Settings(SipPorts ports, List<PortUse> others, int version) {}

  @PersistenceContext private EntityManager em;
  @Inject private SipPortListeners listeners;
  @Inject private SecurityEvents events;
  @Inject private Clock clock;

  /** The ports SIP listens on: the saved ones, else the environment's. */
  public SipPorts inForce() {
    return setting().over(SipPorts.configured());
  }

  public Settings settings() {
    SipPortSetting setting = setting();
    return new Settings(setting.over(SipPorts.configured()), others(), setting.getVersion());
  }

  /**
   * Moves SIP to the draft's ports.
   *
   * @throws InvalidInputException naming the port that is out of range, another service's, or in
   *     use by another program
   * @throws UnavailableException when SIP could not listen on them; it stays where it was
   */
  public Settings update(SipPortsDraft draft, Integer readVersion, String actor) {
    SipPortSetting setting =
        em.find(SipPortSetting.class, SipPortSetting.ID, LockModeType.PESSIMISTIC_WRITE);
    ConcurrentChangeException.check(readVersion, setting.getVersion(), "The SIP ports");
    SipPorts now = setting.over(SipPorts.configured());
    String host = bindHost();
    List<FieldViolation> violations =
        draft.violations(now, others(), (port, udpToo) -> SipPorts.taken(host, port, udpToo));
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    SipPorts wanted = draft.ports();
    if (wanted.equals(now)) {
      return settings();
    }
    setting.save(wanted);
    em.flush();
    try {
      listeners.moved(wanted);
    } catch (IllegalStateException e) {
      LOG.errorf("SIP could not move to %s: %s; it goes back to %s", wanted, e.getMessage(), now);
      listeners.moved(now);
      throw new UnavailableException(
          "SIP could not listen on the new ports, so it stays on " + describe(now));
    }
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.SIP_PORTS_CHANGED,
            null,
            actor,
            "update",
            "SIP moved from " + describe(now) + " to " + describe(wanted)));
    em.flush();
    return new Settings(wanted, others(), setting.getVersion());
  }

  private SipPortSetting setting() {
    return em.find(SipPortSetting.class, SipPortSetting.ID);
  }

  private static String describe(SipPorts ports) {
    return "UDP/TCP "
        + ports.port()
        + (ports.tlsPort() > 0 ? ", TLS " + ports.tlsPort() : ", no TLS");
  }

  private static String bindHost() {
    String host = System.getenv("BULWARK_SIP_HOST");
    return host == null || host.isBlank() ? "0.0.0.0" : host.strip();
  }

  /** The other services' ports here, which SIP may not take. */
  private static List<PortUse> others() {
    return PortUses.besideSip(WebPorts.inForce(), RtpPorts.inForce());
  }
}
