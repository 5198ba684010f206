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
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * System > Service ports for the portal. A move never locks the administrator out: the new ports
 * are opened beside the old ones, and they are kept only when confirmed by a request that reached
 * the new HTTPS port; unconfirmed, the move is undone when its time is up. Sessions live on, as a
 * browser sends its cookies to every port of the host.
 */
@Stateless
public class WebPortsService {

  private static final Logger LOG = Logger.getLogger(WebPortsService.class);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** The ports listening now, a move waiting for its confirmation, and what they may not take. */
  public record Settings(
      WebPorts ports, WebPortSetting.Pending pending, List<PortUse> others, int version) {}

  @PersistenceContext private EntityManager em;
  @Inject private SipPortsService sip;
  @Inject private WebPortsWatch watch;
  @Inject private SecurityEvents events;
  @Inject private Event<PortalAddresses> addresses;
  @Inject private Event<WebPortsMoved> moved;
  @Inject private Clock clock;

  /** The ports the portal listens on: the kept ones, else the launcher's. */
  public WebPorts inForce() {
    WebPorts kept = setting().kept();
    return kept == null ? WebPorts.configured() : kept;
  }

  public Settings settings() {
    WebPortSetting setting = setting();
    return new Settings(
        WebPorts.inForce(),
        setting.pending(),
        PortUses.besideWeb(sip.inForce(), RtpPorts.inForce()),
        setting.getVersion());
  }

  /**
   * Opens the draft's ports beside the ones in force, to be confirmed from the new HTTPS port.
   *
   * @throws InvalidInputException naming the port that is out of range, another service's, or in
   *     use by another program
   * @throws InUseException while another move waits for its confirmation
   * @throws UnavailableException when WildFly or Keycloak could not follow; nothing moved
   */
  public Settings move(WebPortsDraft draft, Integer readVersion, String actor) {
    WebPortSetting setting = locked();
    ConcurrentChangeException.check(readVersion, setting.getVersion(), "The portal's ports");
    WebPortSetting.Pending waiting = setting.pending();
    if (waiting != null) {
      throw new InUseException(
          "The move to "
              + waiting.ports().describe()
              + " waits for its confirmation until "
              + TIME.format(waiting.until()));
    }
    WebPorts now = WebPorts.inForce();
    List<FieldViolation> violations =
        draft.violations(
            now,
            PortUses.besideWeb(sip.inForce(), RtpPorts.inForce()),
            port -> port != WebPorts.signInPort() && TcpPort.taken(port));
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    WebPorts next = draft.ports();
    if (next.equals(now)) {
      return settings();
    }
    String address = PublicAddress.url();
    addresses.fire(new PortalAddresses(List.of(address, PublicAddress.at(next.https()))));
    try (Management management = Management.connect()) {
      WebListeners listeners = new WebListeners(management);
      try {
        listeners.open(now, next);
      } catch (IOException e) {
        LOG.errorf("The portal could not listen on %s: %s", next, e.getMessage());
        listeners.keepOnly(now);
        throw e;
      }
    } catch (IOException e) {
      addresses.fire(new PortalAddresses(List.of(address)));
      throw new UnavailableException(
          "The portal could not listen on the new ports; it stays on " + now.describe());
    }
    Instant until = clock.instant().plusSeconds(draft.confirmWithin());
    setting.await(next, until, actor);
    em.flush();
    WebPorts.nowPending(next);
    watch.undoAt(until);
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.WEB_PORTS_MOVING,
            null,
            actor,
            "move",
            "The portal listens on "
                + next.describe()
                + " beside "
                + now.describe()
                + " until "
                + TIME.format(until)
                + ", to be confirmed from there"));
    return settings();
  }

  /**
   * Keeps the waiting move, confirmed by a request that reached the portal at {@code port}.
   *
   * @throws NotFoundException when no move waits
   * @throws InvalidInputException when {@code port} is not the new HTTPS port
   */
  public Settings confirm(int port, String actor) {
    WebPortSetting setting = locked();
    WebPortSetting.Pending waiting = setting.pending();
    if (waiting == null) {
      throw new NotFoundException("No move of the portal's ports waits for a confirmation");
    }
    WebPorts next = waiting.ports();
    if (port != next.https()) {
      throw new InvalidInputException(
          List.of(
              new FieldViolation(
                  "port",
                  "Confirm from the new port, "
                      + next.https()
                      + ": that shows your browser reaches it")));
    }
    WebPorts before = WebPorts.inForce();
    setting.keep(next);
    em.flush();
    WebPorts.nowInForce(next);
    WebPorts.nowPending(null);
    PortsFile.keep(next);
    watch.finish(next);
    moved.fire(new WebPortsMoved(next));
    follow(PublicAddress.url());
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.WEB_PORTS_CHANGED,
            null,
            actor,
            "confirm",
            "The portal moved from " + before.describe() + " to " + next.describe()));
    return settings();
  }

  /**
   * Undoes the waiting move once its time is up.
   *
   * @return when to look again: the move's time when it is not up yet, else null
   */
  public Instant undoIfUnconfirmed() {
    WebPortSetting setting = locked();
    WebPortSetting.Pending waiting = setting.pending();
    if (waiting == null) {
      return null;
    }
    if (clock.instant().isBefore(waiting.until())) {
      return waiting.until();
    }
    WebPorts now = WebPorts.inForce();
    try (Management management = Management.connect()) {
      new WebListeners(management).keepOnly(now);
    } catch (IOException e) {
      throw new UnavailableException("WildFly could not close the unconfirmed ports: " + e);
    }
    setting.forget();
    em.flush();
    WebPorts.nowPending(null);
    follow(PublicAddress.url());
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.WEB_PORTS_REVERTED,
            null,
            waiting.by(),
            "undo",
            "The portal stays on "
                + now.describe()
                + ": the move to "
                + waiting.ports().describe()
                + " was not confirmed from there by "
                + TIME.format(waiting.until())));
    return null;
  }

  /** The ports kept, the process told, and the launcher's file written again at each start. */
  public WebPortSetting.Pending started() {
    WebPortSetting setting = setting();
    WebPorts kept = setting.kept();
    if (kept != null) {
      WebPorts.nowInForce(kept);
      PortsFile.keep(kept);
    }
    WebPortSetting.Pending waiting = setting.pending();
    WebPorts.nowPending(waiting == null ? null : waiting.ports());
    return waiting;
  }

  /** Sign-ins may return to {@code address} only; Keycloak down leaves them as they were. */
  private void follow(String address) {
    try {
      addresses.fire(new PortalAddresses(List.of(address)));
    } catch (UnavailableException e) {
      LOG.warnf("Keycloak still lets sign-ins return to the portal's other ports: %s", e);
    }
  }

  private WebPortSetting setting() {
    return em.find(WebPortSetting.class, WebPortSetting.ID);
  }

  private WebPortSetting locked() {
    return em.find(WebPortSetting.class, WebPortSetting.ID, LockModeType.PESSIMISTIC_WRITE);
  }
}
