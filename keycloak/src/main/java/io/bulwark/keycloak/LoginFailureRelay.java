package io.bulwark.keycloak;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;

/**
 * Tells Bulwark of each failed login of the realm, on the request's own thread and before Keycloak
 * answers it, so that the answer to a source's next attempt already reflects the lockout. The
 * datagram goes to loopback only; Bulwark drops any without the shared secret.
 */
final class LoginFailureRelay implements EventListenerProvider {

  private static final Logger LOG = Logger.getLogger(LoginFailureRelay.class);

  private final DatagramSocket socket;
  private final InetSocketAddress bulwark;
  private final String secret;

  LoginFailureRelay(DatagramSocket socket, InetSocketAddress bulwark, String secret) {
    this.socket = socket;
    this.bulwark = bulwark;
    this.secret = secret;
  }

  @Override
  public void onEvent(Event event) {
    LoginFailure failure = failure(event);
    if (failure == null) {
      return;
    }
    byte[] datagram = failure.datagram(secret);
    try {
      socket.send(new DatagramPacket(datagram, datagram.length, bulwark));
    } catch (IOException e) {
      LOG.warnf("Bulwark was not told of a failed login from %s: %s", event.getIpAddress(), e);
    }
  }

  /** The failed login {@code event} reports, or null when it reports none. */
  static LoginFailure failure(Event event) {
    LoginFailure.Kind kind;
    String login;
    if (event.getType() == EventType.LOGIN_ERROR) {
      kind = LoginFailure.Kind.USER;
      login = event.getDetails() == null ? null : event.getDetails().get("username");
    } else if (event.getType() == EventType.CLIENT_LOGIN_ERROR) {
      kind = LoginFailure.Kind.CLIENT;
      login = event.getClientId();
    } else {
      return null;
    }
    if (!LoginFailure.isGuess(event.getError()) || event.getIpAddress() == null) {
      return null;
    }
    return new LoginFailure(kind, event.getIpAddress(), login, event.getError());
  }

  @Override
  public void onEvent(AdminEvent event, boolean includeRepresentation) {
    // Administrators work on loopback with their own credentials; Bulwark audits its own writes.
  }

  @Override
  public void close() {
    // The socket is the factory's, shared by every session.
  }
}
