package io.bulwark.pbx.identity;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.PublicAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Sign-in with Microsoft Entra ID (Microsoft 365): a Keycloak identity provider of the realm, which
 * is where the settings live. A user signs in with their organisation account and is matched to the
 * extension's user with the same email address; nobody is created, and only the allowed email
 * domains get in (Bulwark's authenticators in the provider's flows).
 */
@ApplicationScoped
public class MicrosoftSignIn {

  static final String ALIAS = "microsoft";
  private static final String TENANT = "bulwarkTenant";
  private static final String METADATA = "bulwarkMetadataUrl";
  private static final String DOMAINS = "bulwarkAllowedDomains";

  @Inject private KeycloakDirectory directory;
  @Inject private SecurityEvents events;
  @Inject private Clock clock;

  /** The settings as the portal shows them; the secret only as whether one is saved. */
  public record Settings(
      boolean enabled,
      String tenant,
      String clientId,
      boolean clientSecretSet,
      List<String> allowedDomains,
      String metadataUrl,
      String redirectUri) {}

  public Settings settings() {
    JsonObject provider = directory.identityProvider(ALIAS);
    if (provider == null) {
      return new Settings(false, "", "", false, List.of(), "", redirectUri());
    }
    JsonObject config = provider.getJsonObject("config");
    String domains = text(config, DOMAINS);
    return new Settings(
        provider.getBoolean("enabled", false),
        text(config, TENANT),
        text(config, "clientId"),
        !text(config, "clientSecret").isEmpty(),
        domains.isEmpty() ? List.of() : Arrays.asList(domains.split(",")),
        text(config, METADATA),
        redirectUri());
  }

  /**
   * Saves the provider: its endpoints come from the tenant's discovery document, read by Keycloak;
   * one it cannot read is refused on {@code metadataUrl}.
   */
  public Settings update(MicrosoftSignInDraft draft, String actor) {
    JsonObject existing = directory.identityProvider(ALIAS);
    JsonObject saved = existing == null ? null : existing.getJsonObject("config");
    List<FieldViolation> violations =
        draft.violations(saved != null && !text(saved, "clientSecret").isEmpty());
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    Map<String, String> endpoints = directory.discover(draft.discovery());
    if (endpoints == null) {
      throw new InvalidInputException(
          "metadataUrl", "No OpenID Connect discovery document could be read at this address");
    }
    JsonObjectBuilder config = Json.createObjectBuilder();
    for (String key :
        List.of("authorizationUrl", "tokenUrl", "userInfoUrl", "jwksUrl", "issuer", "logoutUrl")) {
      if (endpoints.containsKey(key)) {
        config.add(key, endpoints.get(key));
      }
    }
    config
        .add("clientId", draft.clientId().strip())
        .add(
            "clientSecret",
            draft.clientSecret() == null ? text(saved, "clientSecret") : draft.clientSecret())
        .add("clientAuthMethod", "client_secret_post")
        .add("defaultScope", "openid profile email")
        .add("validateSignature", "true")
        .add("useJwksUrl", "true")
        .add("pkceEnabled", "true")
        .add("pkceMethod", "S256")
        .add("syncMode", "IMPORT")
        .add(TENANT, draft.tenant().strip())
        .add(METADATA, draft.metadataUrl() == null ? "" : draft.metadataUrl().strip())
        .add(DOMAINS, String.join(",", draft.domains()));
    JsonObject provider =
        Json.createObjectBuilder()
            .add("alias", ALIAS)
            .add("displayName", "Microsoft")
            .add("providerId", "oidc")
            .add("enabled", draft.enabled())
            .add("trustEmail", true)
            .add("storeToken", false)
            .add("linkOnly", false)
            .add("hideOnLogin", false)
            .add("firstBrokerLoginFlowAlias", "bulwark first broker login")
            .add("postBrokerLoginFlowAlias", "bulwark after microsoft")
            .add("config", config)
            .build();
    directory.saveIdentityProvider(ALIAS, provider, existing != null);
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.SSO_SETTINGS_UPDATED,
            null,
            actor,
            "update",
            "microsoft enabled="
                + draft.enabled()
                + " tenant="
                + draft.tenant().strip()
                + " domains="
                + String.join(",", draft.domains())));
    return settings();
  }

  /** What the administrator registers as the application's redirect URI in Entra ID. */
  static String redirectUri() {
    return PublicAddress.url() + "/realms/bulwark/broker/" + ALIAS + "/endpoint";
  }

  private static String text(JsonObject config, String key) {
    if (config == null) {
      return "";
    }
    JsonValue value = config.get(key);
    return value instanceof JsonString string ? string.getString() : "";
  }
}
