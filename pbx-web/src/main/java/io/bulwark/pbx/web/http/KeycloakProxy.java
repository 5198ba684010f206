package io.bulwark.pbx.web.http;

import io.bulwark.pbx.system.PublicAddress;
import io.bulwark.pbx.system.WebPorts;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.net.URI;

/**
 * Keycloak's pages for the bulwark realm (login, TOTP, account, tokens) and its static resources,
 * served on the portal's own address. Only these paths are passed on, never the master realm or the
 * admin console, which stay on loopback. It runs inside the web application, behind its source
 * gate, so that a blocked source gets no login page to guess passwords at either; the proxy adds
 * the X-Forwarded headers Keycloak reads the client's address from.
 */
final class KeycloakProxy {

  private static final int MAX_REQUEST_MILLIS = 30_000;
  private static final String FORM_ACTION = "form-action 'self'";

  private final URI keycloak;
  private final LoadBalancingProxyClient client;

  KeycloakProxy(URI keycloak) {
    this.keycloak = keycloak;
    this.client = new LoadBalancingProxyClient().addHost(keycloak);
  }

  /** Keycloak on loopback at the launcher's {@code BULWARK_KEYCLOAK_PORT}, 8180 without it. */
  static KeycloakProxy fromEnvironment() {
    String port = System.getenv("BULWARK_KEYCLOAK_PORT");
    return new KeycloakProxy(
        URI.create("http://127.0.0.1:" + (port == null || port.isBlank() ? "8180" : port.strip())));
  }

  /** Whether {@code path} is one of Keycloak's that the portal serves. */
  static boolean serves(String path) {
    return path.equals("/realms/bulwark")
        || path.startsWith("/realms/bulwark/")
        || path.startsWith("/resources/");
  }

  /** Passes Keycloak's paths to Keycloak and everything else to {@code next}. */
  HttpHandler in(HttpHandler next) {
    HttpHandler proxy =
        ProxyHandler.builder()
            .setProxyClient(client)
            .setMaxRequestTime(MAX_REQUEST_MILLIS)
            .setNext(next)
            .build();
    return exchange -> {
      if (serves(exchange.getRequestPath())) {
        proxy.handleRequest(exchange);
      } else if (WebPorts.signInOnly(exchange.getDestinationAddress().getPort())) {
        movedOn(exchange);
      } else {
        letFormsLeadToKeycloak(exchange);
        next.handleRequest(exchange);
      }
    };
  }

  /**
   * Once the portal moved, Keycloak's pages stay at the address Bulwark started with, another
   * origin than the portal's; the browser would stop a form whose redirects lead there (signing
   * out, and the sign-in after it) under the policy's {@code form-action 'self'}, so that address
   * is added to it.
   */
  private static void letFormsLeadToKeycloak(HttpServerExchange exchange) {
    String keycloak = PublicAddress.keycloak();
    if (keycloak.equals(PublicAddress.url())) {
      return;
    }
    String policy = exchange.getResponseHeaders().getFirst(Headers.CONTENT_SECURITY_POLICY);
    if (policy != null && policy.contains(FORM_ACTION)) {
      URI address = URI.create(keycloak);
      exchange
          .getResponseHeaders()
          .put(
              Headers.CONTENT_SECURITY_POLICY,
              policy.replace(
                  FORM_ACTION,
                  FORM_ACTION + " " + address.getScheme() + "://" + address.getRawAuthority()));
    }
  }

  /**
   * Sends a request for the portal on the port it moved away from to the same path where it is now;
   * the port stays open until the next start only because Keycloak's address names it.
   */
  private static void movedOn(HttpServerExchange exchange) {
    String query = exchange.getQueryString();
    exchange.setStatusCode(StatusCodes.PERMANENT_REDIRECT);
    exchange
        .getResponseHeaders()
        .put(
            Headers.LOCATION,
            PublicAddress.url()
                + exchange.getRequestURI()
                + (query == null || query.isEmpty() ? "" : "?" + query));
    exchange.endExchange();
  }

  /** Closes the connections to Keycloak. */
  void close() {
    client.removeHost(keycloak);
  }
}
