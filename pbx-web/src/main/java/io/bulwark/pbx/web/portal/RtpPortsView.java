package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.RtpPortsDraft;
import io.bulwark.pbx.system.RtpPortsService;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** System > Service ports, the media relay's RTP range. */
@Named
@ViewScoped
public class RtpPortsView implements Serializable {

  @Inject private transient RtpPortsService ports;

  private Integer min;
  private Integer max;
  private boolean managed;
  private int version;

  @PostConstruct
  void load() {
    show(ports.settings());
  }

  private void show(RtpPortsService.Settings settings) {
    min = settings.ports().min();
    max = settings.ports().max();
    managed = settings.managed();
    version = settings.version();
  }

  public void save() {
    try {
      show(ports.update(new RtpPortsDraft(min, max), version, FormMessages.actor()));
      FormMessages.info("The media relay uses RTP ports " + min + " to " + max);
    } catch (InvalidInputException e) {
      FormMessages.fields("rtp", e.violations());
    } catch (ConcurrentChangeException | UnavailableException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public Integer getMin() {
    return min;
  }

  public void setMin(Integer min) {
    this.min = min;
  }

  public Integer getMax() {
    return max;
  }

  public void setMax(Integer max) {
    this.max = max;
  }

  public boolean isManaged() {
    return managed;
  }
}
