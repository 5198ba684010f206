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
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * System > Service ports, SSH access: the system's SSH service on or off, off on a new system as
 * the guide advises, and the port it listens on. The state shown is the service's own, asked of the
 * helper each time.
 */
@Stateless
public class SshAccessService {

  private static final Logger LOG = Logger.getLogger(SshAccessService.class);

  /**
   * @param running whether the SSH service runs now; null where no helper manages it
   * @param port where it listens, or would
   * @param others the ports the other services use here, which SSH may not take
   */
  public record Status(
      boolean enabled, Boolean running, int port, List<PortUse> others, int version) {

    public boolean isManaged() {
      return running != null;
    }
  }

  @PersistenceContext private EntityManager em;
  @Inject private SipPortsService sip;
  @Inject private SecurityEvents events;
  @Inject private Event<SshPortMoved> moved;
  @Inject private Clock clock;

  public Status status() {
    SshAccessSetting setting = em.find(SshAccessSetting.class, SshAccessSetting.ID);
    Boolean running = SshHelper.fromEnvironment().map(SshHelper::isOn).orElse(null);
    return status(setting, running);
  }

  /**
   * Turns SSH on or off, on the port asked for, now and at every start after.
   *
   * @param port where SSH is to listen; null keeps the port it has
   * @throws InvalidInputException without {@code enabled}, or with a port out of range, another
   *     service's or in use
   * @throws UnavailableException where no helper manages SSH, or it failed; nothing changes
   */
  public Status update(Boolean enabled, Integer port, Integer readVersion, String actor) {
    if (enabled == null) {
      throw new InvalidInputException("enabled", "Say whether SSH access is on or off");
    }
    SshAccessSetting setting =
        em.find(SshAccessSetting.class, SshAccessSetting.ID, LockModeType.PESSIMISTIC_WRITE);
    ConcurrentChangeException.check(readVersion, setting.getVersion(), "SSH access");
    int now = SshPort.inForce();
    int wanted = port == null ? now : port;
    new SshPortDraft(wanted)
        .violation(now, others(), TcpPort::taken)
        .ifPresent(
            violation -> {
              throw new InvalidInputException(List.of(violation));
            });
    SshHelper helper = helper();
    boolean running = enabled ? start(helper, wanted, now) : helper.off();
    if (running != enabled) {
      throw new UnavailableException(
          "The SSH service is still " + (running ? "on" : "off") + "; nothing was changed");
    }
    if (wanted != now) {
      em.find(SshPortSetting.class, SshPortSetting.ID, LockModeType.PESSIMISTIC_WRITE).save(wanted);
      // The port's row is the machine's, never backed up; the section's version counts its changes.
      em.lock(setting, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
      SshPort.nowInForce(wanted);
      PortsFile.keepSsh(wanted);
      moved.fire(new SshPortMoved(wanted));
      events.fireAsync(
          new SecurityEvent(
              clock.instant(),
              EventType.SSH_PORT_CHANGED,
              null,
              actor,
              "update",
              "SSH moved from port " + now + " to " + wanted));
    }
    if (setting.isEnabled() != enabled) {
      setting.setEnabled(enabled);
      events.fireAsync(
          new SecurityEvent(
              clock.instant(),
              EventType.SSH_ACCESS_CHANGED,
              null,
              actor,
              enabled ? "on" : "off",
              "SSH access turned " + (enabled ? "on, port " + wanted : "off")));
    }
    em.flush();
    return status(setting, running);
  }

  /**
   * Runs SSH on {@code wanted}; should it not start there, it is started again on {@code now}.
   *
   * @return whether it runs on {@code wanted}
   */
  private static boolean start(SshHelper helper, int wanted, int now) {
    try {
      return helper.on(wanted);
    } catch (UnavailableException e) {
      if (wanted == now) {
        throw e;
      }
      LOG.errorf("SSH could not start on port %d (%s); it goes back to %d", wanted, e, now);
      helper.on(now);
      throw new UnavailableException(
          "SSH could not start on port " + wanted + ", so it stays on port " + now);
    }
  }

  /**
   * Brings the SSH service to the saved state and port, as a start does.
   *
   * @return what changed, or empty when it was already so or no helper manages SSH
   */
  public Optional<String> enforce() {
    Integer saved = em.find(SshPortSetting.class, SshPortSetting.ID).saved();
    if (saved != null) {
      SshPort.nowInForce(saved);
      PortsFile.keepSsh(saved);
    }
    Optional<SshHelper> helper = SshHelper.fromEnvironment();
    if (helper.isEmpty()) {
      return Optional.empty();
    }
    boolean wanted = em.find(SshAccessSetting.class, SshAccessSetting.ID).isEnabled();
    boolean was = helper.get().isOn();
    if (wanted) {
      // Started again where it runs on another port than the saved one.
      helper.get().on(SshPort.inForce());
    } else if (was) {
      helper.get().off();
    }
    return was == wanted
        ? Optional.empty()
        : Optional.of("SSH access turned " + (wanted ? "on" : "off") + ", as saved");
  }

  private Status status(SshAccessSetting setting, Boolean running) {
    return new Status(
        setting.isEnabled(), running, SshPort.inForce(), others(), setting.getVersion());
  }

  private List<PortUse> others() {
    return PortUses.besideSsh(sip.inForce(), WebPorts.inForce(), RtpPorts.inForce());
  }

  private static SshHelper helper() {
    return SshHelper.fromEnvironment()
        .orElseThrow(
            () ->
                new UnavailableException(
                    "No SSH helper is installed here (BULWARK_SSH_HELPER): SSH is the host's to"
                        + " manage"));
  }
}
