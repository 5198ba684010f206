package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InUseException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.UnavailableException;
import io.bulwark.pbx.system.WebPortSetting;
import io.bulwark.pbx.system.WebPortsDraft;
import io.bulwark.pbx.system.WebPortsService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * System > Service ports, the portal's: a move opens the new ports beside the old ones, and this
 * page, opened on the new HTTPS port, keeps it.
 */
@Named
@ViewScoped
public class WebPortsView implements Serializable {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  @Inject private transient WebPortsService ports;

  private Integer httpPort;
  private Integer httpsPort;
  private int version;
  private WebPortSetting.Pending pending;

  @PostConstruct
  void load() {
    show(ports.settings());
  }

  private void show(WebPortsService.Settings settings) {
    httpPort = settings.ports().http();
    httpsPort = settings.ports().https();
    version = settings.version();
    pending = settings.pending();
  }

  public void move() {
    try {
      show(ports.move(new WebPortsDraft(httpPort, httpsPort, null), version, FormMessages.actor()));
      if (pending != null) {
        FormMessages.info("Open the portal on its new port and keep it there: " + getNewAddress());
      }
    } catch (InvalidInputException e) {
      FormMessages.fields("web", e.violations());
    } catch (ConcurrentChangeException | InUseException | UnavailableException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public void keep() {
    try {
      show(ports.confirm(request().getLocalPort(), FormMessages.actor()));
      FormMessages.info("The portal stays on HTTPS " + httpsPort + " and HTTP " + httpPort);
    } catch (InvalidInputException e) {
      FormMessages.refused(e.violations().get(0).message());
    } catch (NotFoundException e) {
      load();
      FormMessages.refused(e.getMessage());
    }
  }

  /** Whether this page reached the portal on the port a waiting move would keep. */
  public boolean isOnNewPort() {
    return pending != null && request().getLocalPort() == pending.ports().https();
  }

  /** This page at the new HTTPS port, on the host name the browser used. */
  public String getNewAddress() {
    if (pending == null) {
      return "";
    }
    HttpServletRequest request = request();
    return "https://"
        + request.getServerName()
        + ":"
        + pending.ports().https()
        + request.getContextPath()
        + "/service-ports.xhtml";
  }

  public String getPendingText() {
    return pending == null
        ? ""
        : "The portal listens on HTTPS "
            + pending.ports().https()
            + " and HTTP "
            + pending.ports().http()
            + " too. Unless kept from there by "
            + TIME.format(pending.until())
            + ", it goes back to these ports only.";
  }

  private static HttpServletRequest request() {
    return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
  }

  public boolean isPending() {
    return pending != null;
  }

  public Integer getHttpPort() {
    return httpPort;
  }

  public void setHttpPort(Integer httpPort) {
    this.httpPort = httpPort;
  }

  public Integer getHttpsPort() {
    return httpsPort;
  }

  public void setHttpsPort(Integer httpsPort) {
    this.httpsPort = httpsPort;
  }
}
