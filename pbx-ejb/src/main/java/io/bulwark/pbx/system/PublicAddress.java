package io.bulwark.pbx.system;

/** The address users reach Bulwark at ({@code BULWARK_PUBLIC_URL}), for links Bulwark gives out. */
public final class PublicAddress {

  private PublicAddress() {}

  /** The portal's base URL, without a trailing slash. */
  public static String url() {
    String url = System.getenv().getOrDefault("BULWARK_PUBLIC_URL", "https://localhost:8443");
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
