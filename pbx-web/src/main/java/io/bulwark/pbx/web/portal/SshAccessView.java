package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.SshAccessService;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** System > Service ports, SSH access: the system's SSH service, on or off, and its port. */
@Named
@ViewScoped
public class SshAccessView implements Serializable {

  @Inject private transient SshAccessService ssh;

  private boolean enabled;
  private Boolean running;
  private Integer port;
  private int portInForce;
  private int version;
  private String problem;

  @PostConstruct
  void load() {
    try {
      show(ssh.status());
    } catch (UnavailableException e) {
      problem = e.getMessage();
    }
  }

  private void show(SshAccessService.Status status) {
    enabled = status.enabled();
    running = status.running();
    port = status.port();
    portInForce = status.port();
    version = status.version();
    problem = null;
  }

  public void save() {
    try {
      show(ssh.update(enabled, port, version, FormMessages.actor()));
      FormMessages.info(
          enabled ? "SSH access is on, port " + port : "SSH access is off; its port is " + port);
    } catch (InvalidInputException e) {
      FormMessages.fields("ssh", e.violations());
    } catch (ConcurrentChangeException | UnavailableException e) {
      FormMessages.refused(e.getMessage());
      load();
    }
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public boolean isManaged() {
    return running != null;
  }

  /** "Running on port 22", "Stopped", or why the state is unknown. */
  public String getState() {
    if (problem != null) {
      return problem;
    }
    if (running == null) {
      return "Managed by the host: no SSH helper is installed";
    }
    return running ? "Running on port " + portInForce : "Stopped";
  }
}
