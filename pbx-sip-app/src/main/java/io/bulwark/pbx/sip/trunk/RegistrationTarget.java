package io.bulwark.pbx.sip.trunk;

/**
 * What Bulwark registers to a provider with: the provider's registrar (host and port, the
 * transport), the domain the account lives in (the registrar's host when empty), the account's user
 * name (the Contact's and the address of record's user part), the name and password the digest
 * uses, an outbound proxy to send through (host:port, or null) and the lifetime asked for.
 */
public record RegistrationTarget(
    String trunk,
    String host,
    int port,
    String transport,
    String domain,
    String username,
    String authName,
    String password,
    String outboundProxy,
    int expirySeconds) {

  public RegistrationTarget {
    domain = domain == null || domain.isBlank() ? host : domain;
    authName = authName == null || authName.isBlank() ? username : authName;
    transport = transport == null ? "udp" : transport.toLowerCase(java.util.Locale.ROOT);
  }
}
