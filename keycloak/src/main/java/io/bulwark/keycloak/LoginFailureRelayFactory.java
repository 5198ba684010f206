package io.bulwark.keycloak;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The realm's event listener {@value #ID}: relays failed logins to Bulwark on loopback, at the port
 * and with the secret the launcher gives both ({@code BULWARK_LOGIN_EVENT_PORT}, {@code
 * BULWARK_LOGIN_EVENT_SECRET}). Without them it relays nothing and says so once.
 */
public final class LoginFailureRelayFactory implements EventListenerProviderFactory {

  static final String ID = "bulwark-login-failures";

  private static final Logger LOG = Logger.getLogger(LoginFailureRelayFactory.class);

  private DatagramSocket socket;
  private InetSocketAddress bulwark;
  private String secret;

  @Override
  public EventListenerProvider create(KeycloakSession session) {
    return socket == null ? new Silent() : new LoginFailureRelay(socket, bulwark, secret);
  }

  @Override
  public void init(Config.Scope config) {
    String port = System.getenv("BULWARK_LOGIN_EVENT_PORT");
    secret = System.getenv("BULWARK_LOGIN_EVENT_SECRET");
    if (port == null || port.isBlank() || secret == null || secret.isBlank()) {
      LOG.warn(
          "BULWARK_LOGIN_EVENT_PORT or BULWARK_LOGIN_EVENT_SECRET is not set: failed logins are"
              + " not relayed to Bulwark, which then cannot lock guessing addresses out");
      return;
    }
    try {
      bulwark = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(port));
      socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (NumberFormatException | SocketException e) {
      LOG.errorf("Failed logins cannot be relayed to Bulwark: %s", e);
      socket = null;
    }
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    // Nothing to look up: the port and secret come from the environment.
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.close();
    }
  }

  @Override
  public String getId() {
    return ID;
  }

  /** What a Keycloak started without Bulwark's environment gets: a listener that does nothing. */
  private static final class Silent implements EventListenerProvider {
    @Override
    public void onEvent(org.keycloak.events.Event event) {}

    @Override
    public void onEvent(org.keycloak.events.admin.AdminEvent event, boolean include) {}

    @Override
    public void close() {}
  }
}
