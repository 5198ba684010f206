package io.bulwark.pbx.web.http;

import io.bulwark.pbx.defense.DefenseTable;
import io.bulwark.pbx.defense.Firewall;
import io.bulwark.pbx.defense.Protocol;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.ListenerInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import io.undertow.util.AttachmentKey;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.net.InetSocketAddress;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jboss.logging.Logger;

/**
 * Puts the firewall in front of the web: before Undertow runs security, sessions or the OpenID
 * Connect redirect, and before Keycloak's login pages ({@link KeycloakProxy}), a request from a
 * blocked or refused source is answered by closing its connection, and every new connection counts
 * against the auto defense rules of its port (the HTTP and HTTPS rules, 120 in 60 s by default). A
 * connection is counted once, at its first request: a browser keeps its connections, so a page's
 * many resources count as one. Each later request on it is only looked up among the blocks, so a
 * block ends an open connection too.
 */
public final class SourceGateExtension implements ServletExtension {

  private static final Logger LOG = Logger.getLogger(SourceGateExtension.class);
  private static final String DEFENSES =
      "java:global/bulwark/pbx-ejb/DefenseTable!io.bulwark.pbx.defense.DefenseTable";
  private static final AttachmentKey<Boolean> ADMITTED = AttachmentKey.create(Boolean.class);

  private volatile Firewall firewall;

  @Override
  public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
    KeycloakProxy keycloak = KeycloakProxy.fromEnvironment();
    deployment.addInitialHandlerChainWrapper(next -> guard(keycloak.in(next)));
    ServletContextListener closing =
        new ServletContextListener() {
          @Override
          public void contextDestroyed(ServletContextEvent event) {
            keycloak.close();
          }
        };
    deployment.addListener(
        new ListenerInfo(ServletContextListener.class, new ImmediateInstanceFactory<>(closing)));
  }

  private HttpHandler guard(HttpHandler next) {
    return exchange -> {
      if (admitted(exchange)) {
        next.handleRequest(exchange);
      } else {
        exchange.getConnection().close();
      }
    };
  }

  private boolean admitted(HttpServerExchange exchange) {
    Firewall current = firewall();
    InetSocketAddress peer = exchange.getSourceAddress();
    if (current == null || peer == null) {
      return true; // the defenses are not loaded yet: the application is still starting
    }
    Boolean known = exchange.getConnection().getAttachment(ADMITTED);
    if (known != null) {
      // A block decided while the connection was open ends it at its next request.
      return known && !current.blocked().blocks(peer.getAddress());
    }
    boolean admitted =
        current.admits(peer.getAddress(), Protocol.TCP, exchange.getDestinationAddress().getPort());
    exchange.getConnection().putAttachment(ADMITTED, admitted);
    return admitted;
  }

  private Firewall firewall() {
    Firewall known = firewall;
    if (known == null) {
      try {
        known = ((DefenseTable) new InitialContext().lookup(DEFENSES)).firewall();
        firewall = known;
      } catch (NamingException | RuntimeException e) {
        LOG.debugf("The firewall is not there yet: %s", e.getMessage());
      }
    }
    return known;
  }
}
