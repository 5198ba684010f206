package io.bulwark.pbx.system;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The portal's ports as an administrator kept them, one row (null: the launcher's), and the move
 * that waits for its confirmation from the new port.
 */
@Entity
@Table(name = "web_ports")
public class WebPortSetting {

  static final int ID = 1;

  @Id private int id;

  @Column(name = "http_port")
  private Integer httpPort;

  @Column(name = "https_port")
  private Integer httpsPort;

  @Column(name = "pending_http_port")
  private Integer pendingHttpPort;

  @Column(name = "pending_https_port")
  private Integer pendingHttpsPort;

  @Column(name = "pending_until")
  private Instant pendingUntil;

  @Column(name = "pending_by")
  private String pendingBy;

  @Version private int version;

  protected WebPortSetting() {}

  /** The ports kept, or null when none were. */
  WebPorts kept() {
    return httpPort == null || httpsPort == null ? null : new WebPorts(httpPort, httpsPort);
  }

  /** The move waiting for its confirmation, or null. */
  Pending pending() {
    return pendingUntil == null
        ? null
        : new Pending(new WebPorts(pendingHttpPort, pendingHttpsPort), pendingUntil, pendingBy);
  }

  void await(WebPorts next, Instant until, String actor) {
    pendingHttpPort = next.http();
    pendingHttpsPort = next.https();
    pendingUntil = until;
    pendingBy = actor;
  }

  void keep(WebPorts ports) {
    httpPort = ports.http();
    httpsPort = ports.https();
    forget();
  }

  void forget() {
    pendingHttpPort = null;
    pendingHttpsPort = null;
    pendingUntil = null;
    pendingBy = null;
  }

  public int getVersion() {
    return version;
  }

  /** A move to {@code ports} that is undone at {@code until} unless confirmed from them. */
  public record Pending(WebPorts ports, Instant until, String by) {}
}
