package io.bulwark.pbx.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.system.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicrosoftSignInDraftTest {

  private static MicrosoftSignInDraft draft(String secret, List<String> domains, String metadata) {
    return new MicrosoftSignInDraft(
        true, "contoso.onmicrosoft.com", "0f3c-app-id", secret, domains, metadata);
  }

  private static List<String> fields(MicrosoftSignInDraft draft, boolean secretSaved) {
    return draft.violations(secretSaved).stream().map(FieldViolation::field).toList();
  }

  @Test
  void microsoftsDiscoveryAddressIsTheTenants() {
    MicrosoftSignInDraft draft = draft("s", List.of(" Contoso.COM ", "contoso.com"), null);
    assertEquals(List.of(), fields(draft, false));
    assertEquals(
        "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration",
        draft.discovery());
    assertEquals(List.of("contoso.com"), draft.domains());
  }

  @Test
  void theSecretMayBeLeftOutOnlyWhenOneIsSaved() {
    assertEquals(List.of(), fields(draft(null, List.of(), null), true));
    assertEquals(List.of("clientSecret"), fields(draft(null, List.of(), null), false));
  }

  @Test
  void plainHttpOnlyOnLoopback() {
    assertEquals(
        List.of(),
        fields(
            draft(
                "s", List.of(), "http://127.0.0.1:8180/realms/x/.well-known/openid-configuration"),
            false));
    assertEquals(
        List.of("metadataUrl"),
        fields(draft("s", List.of(), "http://example.com/metadata"), false));
    assertEquals(
        List.of("metadataUrl"), fields(draft("s", List.of(), "https://user@example.com/m"), false));
  }

  @Test
  void eachWrongFieldIsNamed() {
    assertEquals(
        List.of("enabled", "tenant", "clientId", "clientSecret", "allowedDomains[1]"),
        fields(
            new MicrosoftSignInDraft(
                null, "bad tenant!", "", " ", List.of("ok.com", "not a domain"), null),
            false));
  }
}
