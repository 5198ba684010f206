package io.bulwark.pbx.system;

import java.net.URI;

/** The address users reach Bulwark at ({@code BULWARK_PUBLIC_URL}), for links Bulwark gives out. */
public final class PublicAddress {

  private PublicAddress() {}

  /**
   * The portal's base URL, without a trailing slash. When it names the HTTPS port the launcher
   * gave, it follows the portal to the port it was moved to since.
   */
  public static String url() {
    return at(WebPorts.inForce().https());
  }

  /** The portal's base URL once it listens on {@code httpsPort}. */
  static String at(int httpsPort) {
    return following(launched(), WebPorts.configured().https(), httpsPort);
  }

  /**
   * Where Keycloak's pages are: the base URL the launcher gave, which Keycloak was started with and
   * every token names, until the next start.
   */
  public static String keycloak() {
    return launched();
  }

  private static String launched() {
    String url = System.getenv().getOrDefault("BULWARK_PUBLIC_URL", "https://localhost:8443");
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** {@code url} with its port moved from {@code launched} to {@code now}, if it is that port. */
  static String following(String url, int launched, int now) {
    URI address = URI.create(url);
    int port = address.getPort() == -1 ? 443 : address.getPort();
    if (launched == now || !"https".equals(address.getScheme()) || port != launched) {
      return url;
    }
    String path = address.getRawPath() == null ? "" : address.getRawPath();
    return "https://" + address.getHost() + (now == 443 ? "" : ":" + now) + path;
  }
}
