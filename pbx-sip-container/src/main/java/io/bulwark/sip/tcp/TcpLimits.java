package io.bulwark.sip.tcp;

import java.time.Duration;
import java.util.Properties;

/**
 * How much of the server one source address may hold over TCP.
 *
 * @param maxConnectionsPerSource open connections one IP address may have; further ones are closed
 *     as soon as they are accepted
 * @param idleTimeout a connection that completes no message (and sends no CRLF keep-alive) for this
 *     long is closed
 * @param messageTimeout one message, from its first byte to its last, must arrive within this
 */
public record TcpLimits(
    int maxConnectionsPerSource, Duration idleTimeout, Duration messageTimeout) {

  /**
   * 32 connections per address leave room for a NAT with a few dozen phones behind it. The idle
   * timeout outlasts the registrar's longest registration (3,600 s) by five minutes, so a TCP phone
   * that only re-registers keeps its connection, and incoming calls can still reach it; phones that
   * send CRLF keep-alives (RFC 5626: every 95 to 120 s) refresh it far sooner. A phone writes a
   * message at once, so ten seconds for one message is generous even on a poor link.
   */
  public static final TcpLimits DEFAULTS =
      new TcpLimits(32, Duration.ofSeconds(3_900), Duration.ofSeconds(10));

  static final String MAX_CONNECTIONS_PER_SOURCE = "io.bulwark.sip.TCP_MAX_CONNECTIONS_PER_SOURCE";
  static final String IDLE_TIMEOUT_MS = "io.bulwark.sip.TCP_IDLE_TIMEOUT_MS";
  static final String MESSAGE_TIMEOUT_MS = "io.bulwark.sip.TCP_MESSAGE_TIMEOUT_MS";

  public TcpLimits {
    if (maxConnectionsPerSource < 1) {
      throw new IllegalArgumentException("At least one TCP connection per source is needed");
    }
    if (idleTimeout.toMillis() < 1 || messageTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("TCP timeouts must be positive");
    }
  }

  /** Hands these limits to {@link GuardedNetworkLayer} through the stack's properties. */
  public void writeTo(Properties stackProperties) {
    stackProperties.setProperty(
        MAX_CONNECTIONS_PER_SOURCE, Integer.toString(maxConnectionsPerSource));
    stackProperties.setProperty(IDLE_TIMEOUT_MS, Long.toString(idleTimeout.toMillis()));
    stackProperties.setProperty(MESSAGE_TIMEOUT_MS, Long.toString(messageTimeout.toMillis()));
  }

  static TcpLimits readFrom(Properties stackProperties) {
    return new TcpLimits(
        Integer.parseInt(
            stackProperties.getProperty(
                MAX_CONNECTIONS_PER_SOURCE, Integer.toString(DEFAULTS.maxConnectionsPerSource))),
        Duration.ofMillis(
            Long.parseLong(
                stackProperties.getProperty(
                    IDLE_TIMEOUT_MS, Long.toString(DEFAULTS.idleTimeout.toMillis())))),
        Duration.ofMillis(
            Long.parseLong(
                stackProperties.getProperty(
                    MESSAGE_TIMEOUT_MS, Long.toString(DEFAULTS.messageTimeout.toMillis())))));
  }
}
