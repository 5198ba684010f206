package io.bulwark.pbx.system;

/**
 * The ports the portal listens on: {@code http} (which sends browsers to HTTPS) and {@code https}.
 */
public record WebPorts(int http, int https) {

  /**
   * The ports the listeners hold now. They start as the launcher set them; a confirmed move changes
   * them for the whole process, as the listeners are the server's, not a request's.
   */
  private static volatile WebPorts inForce = configured();

  /** The ports the launcher gave: {@code BULWARK_HTTP_PORT}, {@code BULWARK_HTTPS_PORT}. */
  public static WebPorts configured() {
    return new WebPorts(
        EnvironmentPort.of("BULWARK_HTTP_PORT", 8080),
        EnvironmentPort.of("BULWARK_HTTPS_PORT", 8443));
  }

  public static WebPorts inForce() {
    return inForce;
  }

  static void nowInForce(WebPorts ports) {
    inForce = ports;
  }

  boolean holds(int port) {
    return port == http || port == https;
  }

  String describe() {
    return "HTTPS " + https + ", HTTP " + http;
  }
}
