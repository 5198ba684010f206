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

  /** The ports a move waiting for its confirmation opened, or null. */
  private static volatile WebPorts pending;

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

  static void nowPending(WebPorts ports) {
    pending = ports;
  }

  /**
   * The HTTPS port Keycloak's sign-in pages are served on: the one the launcher gave, which
   * Keycloak's address and so every token's issuer name until the next start.
   */
  public static int signInPort() {
    return configured().https();
  }

  /**
   * Whether {@code port} serves only sign-ins now: the portal moved on since the start, and no move
   * back to it waits for its confirmation there.
   */
  public static boolean signInOnly(int port) {
    WebPorts waiting = pending;
    return port == signInPort()
        && port != inForce.https()
        && (waiting == null || port != waiting.https());
  }

  boolean holds(int port) {
    return port == http || port == https;
  }

  String describe() {
    return "HTTPS " + https + ", HTTP " + http;
  }
}
