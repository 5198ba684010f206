package io.bulwark.pbx.identity;

import io.bulwark.pbx.defense.DefenseTable;
import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEventGate;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Hears Keycloak's failed logins on loopback ({@code BULWARK_LOGIN_EVENT_PORT}, with the secret
 * {@code BULWARK_LOGIN_EVENT_SECRET}): each is a "Web login failed" event and counts against its
 * source in the firewall's login lockout. The relay sends before Keycloak answers the attempt, so
 * the source's next request already meets the block. Without the secret it does not listen.
 */
@Singleton
@Startup
@DependsOn("DefenseTable")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LoginFailureFeed {

  private static final Logger LOG = Logger.getLogger(LoginFailureFeed.class);
  static final int DEFAULT_PORT = 8182;

  @Inject private DefenseTable defenses;
  @Inject private SecurityEventGate events;
  @Inject private Clock clock;

  private DatagramChannel channel;

  @PostConstruct
  void start() {
    String secret = System.getenv("BULWARK_LOGIN_EVENT_SECRET");
    if (secret == null || secret.isBlank()) {
      LOG.warn(
          "BULWARK_LOGIN_EVENT_SECRET is not set: failed logins are not counted, and no address"
              + " is locked out of the portal for guessing");
      return;
    }
    String port = System.getenv("BULWARK_LOGIN_EVENT_PORT");
    InetSocketAddress address =
        new InetSocketAddress(
            InetAddress.getLoopbackAddress(),
            port == null || port.isBlank() ? DEFAULT_PORT : Integer.parseInt(port.strip()));
    try {
      channel = DatagramChannel.open().bind(address);
    } catch (IOException e) {
      LOG.errorf("Failed logins cannot be heard on %s: %s", address, e);
      return;
    }
    Thread receiver = new Thread(() -> receive(secret), "login-failure-receiver");
    receiver.setDaemon(true);
    receiver.start();
  }

  private void receive(String secret) {
    ByteBuffer buffer = ByteBuffer.allocate(2048);
    while (channel.isOpen()) {
      try {
        buffer.clear();
        SocketAddress from = channel.receive(buffer);
        if (from instanceof InetSocketAddress sender && sender.getAddress().isLoopbackAddress()) {
          LoginFailureReport.parse(buffer.array(), buffer.position(), secret)
              .ifPresent(this::failed);
        }
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException | RuntimeException e) {
        LOG.debugf(e, "A failed-login report was not read");
      }
    }
  }

  private void failed(LoginFailureReport report) {
    String account = report.account();
    events
        .throttle()
        .offer(
            new SecurityEvent(
                clock.instant(),
                EventType.WEB_LOGIN_FAILED,
                report.source().getHostAddress(),
                account,
                "reject",
                "Failed login as "
                    + account
                    + (report.error() == null ? "" : ": " + report.error())),
            report.error() == null ? "failed login" : report.error());
    defenses.firewall().loginFailed(report.source(), defenses.ports().https(), account);
  }

  @PreDestroy
  void stop() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.debug("Closing the failed-login socket failed", e);
      }
    }
  }
}
