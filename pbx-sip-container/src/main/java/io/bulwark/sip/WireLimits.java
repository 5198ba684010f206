package io.bulwark.sip;

/**
 * Bounds on what one SIP message may cost before the stack refuses it. Both transports apply them;
 * see the package documentation for what happens to a message past a limit.
 */
public final class WireLimits {

  /**
   * Largest message, start line, headers and body together, that a TCP connection may carry (the
   * stack's {@code MAX_MESSAGE_SIZE}). UDP is bounded by the datagram, which is smaller.
   */
  public static final int MAX_MESSAGE_BYTES = 65_536;

  /**
   * Most header fields one message may have. A REGISTER or INVITE has 10 to 30; 128 still lets a
   * request through dozens of proxies, each adding a Via and a Record-Route.
   */
  public static final int MAX_HEADER_FIELDS = 128;

  private WireLimits() {}
}
