package io.bulwark.pbx.system;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * System > Service ports for the media relay's RTP range. The relay takes its range when it starts,
 * so a change ends the calls up and starts it again on the new range; should it not come up there,
 * it is started on the old one and nothing is saved.
 */
@Stateless
public class RtpPortsService {

  private static final Logger LOG = Logger.getLogger(RtpPortsService.class);

  /** The range in force, what it may not hold, and whether it can be changed here. */
  public record Settings(RtpPorts ports, List<PortUse> others, boolean managed, int version) {}

  @PersistenceContext private EntityManager em;
  @Inject private SipPortsService sip;
  @Inject private SecurityEvents events;
  @Inject private Event<MediaRelayRestarting> restarting;
  @Inject private Clock clock;

  public Settings settings() {
    return new Settings(
        RtpPorts.inForce(),
        others(),
        MediaRelay.fromEnvironment().isPresent(),
        setting().getVersion());
  }

  /**
   * Moves the media relay to the draft's range.
   *
   * @throws InvalidInputException naming what is out of range, another service's, or in use
   * @throws UnavailableException when there is no launcher to restart the relay, or the relay did
   *     not come up on the new range; it runs on the old one then
   */
  public Settings update(RtpPortsDraft draft, Integer readVersion, String actor) {
    RtpPortSetting setting =
        em.find(RtpPortSetting.class, RtpPortSetting.ID, LockModeType.PESSIMISTIC_WRITE);
    ConcurrentChangeException.check(readVersion, setting.getVersion(), "The RTP ports");
    RtpPorts now = RtpPorts.inForce();
    List<FieldViolation> violations = draft.violations(now, others(), UdpPort::taken);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    RtpPorts wanted = draft.ports();
    if (wanted.equals(now)) {
      return settings();
    }
    MediaRelay relay =
        MediaRelay.fromEnvironment()
            .orElseThrow(
                () ->
                    new UnavailableException(
                        "The media relay is not started by Bulwark here: set its range where it"
                            + " is started"));
    restarting.fire(new MediaRelayRestarting("RTP ports changed"));
    PortsFile.keep(wanted);
    try {
      relay.restart();
    } catch (UnavailableException e) {
      LOG.errorf("The media relay could not start on %s (%s); it goes back to %s", wanted, e, now);
      PortsFile.keep(now);
      relay.restart();
      throw new UnavailableException(
          "The media relay could not use the new range, so it stays on " + now.describe());
    }
    setting.save(wanted);
    em.flush();
    RtpPorts.nowInForce(wanted);
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.RTP_PORTS_CHANGED,
            null,
            actor,
            "update",
            "The media relay moved from RTP ports " + now.describe() + " to " + wanted.describe()));
    return settings();
  }

  /** The saved range told to the process and the launcher's file at each start. */
  public void started() {
    RtpPorts saved = setting().saved();
    if (saved != null) {
      RtpPorts.nowInForce(saved);
      PortsFile.keep(saved);
    }
  }

  private RtpPortSetting setting() {
    return em.find(RtpPortSetting.class, RtpPortSetting.ID);
  }

  private List<PortUse> others() {
    return PortUses.besideRtp(sip.inForce(), WebPorts.inForce());
  }
}
