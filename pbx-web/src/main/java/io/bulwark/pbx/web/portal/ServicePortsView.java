package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.PortUse;
import io.bulwark.pbx.system.SipPortsDraft;
import io.bulwark.pbx.system.SipPortsService;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** System > Service ports: where SIP listens, and the ports of the other services beside it. */
@Named
@ViewScoped
public class ServicePortsView implements Serializable {

  @Inject private transient SipPortsService ports;

  private Integer sipPort;
  private Integer sipTlsPort;
  private List<OtherService> others;
  private int version;

  @PostConstruct
  void load() {
    show(ports.settings());
  }

  private void show(SipPortsService.Settings settings) {
    sipPort = settings.ports().port();
    sipTlsPort = settings.ports().tlsPort();
    others = settings.others().stream().map(OtherService::new).toList();
    version = settings.version();
  }

  public void save() {
    try {
      show(ports.update(new SipPortsDraft(sipPort, sipTlsPort), version, FormMessages.actor()));
      FormMessages.info(
          "SIP listens on port "
              + sipPort
              + (sipTlsPort != null && sipTlsPort > 0 ? " and TLS on " + sipTlsPort : ""));
    } catch (InvalidInputException e) {
      FormMessages.fields("ports", e.violations());
    } catch (ConcurrentChangeException | UnavailableException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public Integer getSipPort() {
    return sipPort;
  }

  public void setSipPort(Integer sipPort) {
    this.sipPort = sipPort;
  }

  public Integer getSipTlsPort() {
    return sipTlsPort;
  }

  public void setSipTlsPort(Integer sipTlsPort) {
    this.sipTlsPort = sipTlsPort;
  }

  public List<OtherService> getOthers() {
    return others;
  }

  /** A row of the other services' ports. */
  public static final class OtherService implements Serializable {
    private final String service;
    private final String ports;

    OtherService(PortUse use) {
      this.service = use.service();
      this.ports =
          use.from() == use.to() ? Integer.toString(use.from()) : use.from() + "-" + use.to();
    }

    public String getService() {
      return service;
    }

    public String getPorts() {
      return ports;
    }
  }
}
