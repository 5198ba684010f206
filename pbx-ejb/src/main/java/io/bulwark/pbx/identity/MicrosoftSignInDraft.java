package io.bulwark.pbx.identity;

import io.bulwark.pbx.system.FieldViolation;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Sign-in with Microsoft Entra ID as an administrator writes it: the tenant (its ID or a domain of
 * it), the application (client) ID and secret registered there, and the email domains whose users
 * may sign in. {@code metadataUrl} is where the tenant describes itself; without it, Microsoft's
 * address for the tenant. A null {@code clientSecret} keeps the saved one.
 */
public record MicrosoftSignInDraft(
    Boolean enabled,
    String tenant,
    String clientId,
    String clientSecret,
    List<String> allowedDomains,
    String metadataUrl) {

  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}");
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Pattern DOMAIN =
      Pattern.compile("[a-z0-9]([a-z0-9-]{0,62})(\\.[a-z0-9]([a-z0-9-]{0,62}))+");

  public List<FieldViolation> violations(boolean secretSaved) {
    List<FieldViolation> found = new ArrayList<>();
    if (enabled == null) {
      found.add(new FieldViolation("enabled", "true or false"));
    }
    if (tenant == null || !TENANT.matcher(tenant.strip()).matches()) {
      found.add(
          new FieldViolation(
              "tenant", "The tenant ID or one of its domains, such as contoso.onmicrosoft.com"));
    }
    if (clientId == null || !CLIENT_ID.matcher(clientId.strip()).matches()) {
      found.add(new FieldViolation("clientId", "The application (client) ID from Entra ID"));
    }
    if (clientSecret == null
        ? !secretSaved
        : clientSecret.isBlank() || clientSecret.length() > 512) {
      found.add(new FieldViolation("clientSecret", "The client secret's value from Entra ID"));
    }
    List<String> domains = allowedDomains == null ? List.of() : allowedDomains;
    for (int i = 0; i < domains.size(); i++) {
      String domain = domains.get(i) == null ? "" : domains.get(i).strip().toLowerCase(Locale.ROOT);
      if (!DOMAIN.matcher(domain).matches() || domain.length() > 253) {
        found.add(new FieldViolation("allowedDomains[" + i + "]", "A domain, such as contoso.com"));
      }
    }
    if (metadataUrl != null && !metadataUrl.isBlank() && !acceptableMetadata(metadataUrl.strip())) {
      found.add(
          new FieldViolation(
              "metadataUrl", "An https address of an OpenID Connect discovery document"));
    }
    return found;
  }

  /** https anywhere; plain http only on this host's loopback (a test provider). */
  private static boolean acceptableMetadata(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getHost() == null || uri.getRawUserInfo() != null) {
        return false;
      }
      if ("https".equals(uri.getScheme())) {
        return true;
      }
      return "http".equals(uri.getScheme())
          && uri.getHost().matches("127(\\.\\d{1,3}){3}")
          && InetAddress.getByName(uri.getHost()).isLoopbackAddress();
    } catch (URISyntaxException | java.net.UnknownHostException e) {
      return false;
    }
  }

  /** The discovery document to read: the one given, or Microsoft's for the tenant. */
  String discovery() {
    return metadataUrl == null || metadataUrl.isBlank()
        ? "https://login.microsoftonline.com/"
            + tenant.strip()
            + "/v2.0/.well-known/openid-configuration"
        : metadataUrl.strip();
  }

  /** The domains, cleaned; call only when {@link #violations} found none. */
  List<String> domains() {
    return allowedDomains == null
        ? List.of()
        : allowedDomains.stream()
            .map(d -> d.strip().toLowerCase(Locale.ROOT))
            .distinct()
            .sorted()
            .toList();
  }
}
