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
import java.util.Optional;

/**
 * System > Service ports, SSH access: the system's SSH service on or off, off on a new system as
 * the guide advises. The state shown is the service's own, asked of the helper each time.
 */
@Stateless
public class SshAccessService {

  /**
   * @param running whether the SSH service runs now; null where no helper manages it
   * @param port where it listens
   */
  public record Status(boolean enabled, Boolean running, int port, int version) {

    public boolean isManaged() {
      return running != null;
    }
  }

  @PersistenceContext private EntityManager em;
  @Inject private SecurityEvents events;
  @Inject private Clock clock;

  public Status status() {
    SshAccessSetting setting = em.find(SshAccessSetting.class, SshAccessSetting.ID);
    Boolean running = SshHelper.fromEnvironment().map(SshHelper::isOn).orElse(null);
    return new Status(setting.isEnabled(), running, port(), setting.getVersion());
  }

  /**
   * Turns SSH on or off now, and at every start after.
   *
   * @throws InvalidInputException without {@code enabled}
   * @throws UnavailableException where no helper manages SSH, or it failed; nothing changes
   */
  public Status update(Boolean enabled, Integer readVersion, String actor) {
    if (enabled == null) {
      throw new InvalidInputException("enabled", "Say whether SSH access is on or off");
    }
    SshAccessSetting setting =
        em.find(SshAccessSetting.class, SshAccessSetting.ID, LockModeType.PESSIMISTIC_WRITE);
    ConcurrentChangeException.check(readVersion, setting.getVersion(), "SSH access");
    SshHelper helper = helper();
    boolean running = helper.turn(enabled);
    if (running != enabled) {
      throw new UnavailableException(
          "The SSH service is still " + (running ? "on" : "off") + "; nothing was changed");
    }
    if (setting.isEnabled() != enabled) {
      setting.setEnabled(enabled);
      em.flush();
      events.fireAsync(
          new SecurityEvent(
              clock.instant(),
              EventType.SSH_ACCESS_CHANGED,
              null,
              actor,
              enabled ? "on" : "off",
              "SSH access turned " + (enabled ? "on, port " + port() : "off")));
    }
    return new Status(setting.isEnabled(), running, port(), setting.getVersion());
  }

  /**
   * Brings the SSH service to the saved state, as a start does.
   *
   * @return what changed, or empty when it was already so or no helper manages SSH
   */
  public Optional<String> enforce() {
    Optional<SshHelper> helper = SshHelper.fromEnvironment();
    if (helper.isEmpty()) {
      return Optional.empty();
    }
    boolean wanted = em.find(SshAccessSetting.class, SshAccessSetting.ID).isEnabled();
    if (helper.get().isOn() == wanted) {
      return Optional.empty();
    }
    helper.get().turn(wanted);
    return Optional.of("SSH access turned " + (wanted ? "on" : "off") + ", as saved");
  }

  private static SshHelper helper() {
    return SshHelper.fromEnvironment()
        .orElseThrow(
            () ->
                new UnavailableException(
                    "No SSH helper is installed here (BULWARK_SSH_HELPER): SSH is the host's to"
                        + " manage"));
  }

  static int port() {
    return EnvironmentPort.of("BULWARK_SSH_PORT", 22);
  }
}
