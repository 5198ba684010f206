package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.identity.MicrosoftSignIn;
import io.bulwark.pbx.identity.MicrosoftSignInDraft;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** System > Microsoft sign-in: Entra ID as a way to sign in, for the allowed email domains. */
@Named
@ViewScoped
public class MicrosoftSignInView implements Serializable {

  @Inject private transient MicrosoftSignIn microsoft;

  private boolean enabled;
  private String tenant;
  private String clientId;
  private String clientSecret;
  private boolean clientSecretSet;
  private String allowedDomains;
  private String metadataUrl;
  private String redirectUri;

  @PostConstruct
  void load() {
    try {
      show(microsoft.settings());
    } catch (UnavailableException e) {
      FormMessages.error(e.getMessage());
    }
  }

  private void show(MicrosoftSignIn.Settings settings) {
    enabled = settings.enabled();
    tenant = settings.tenant();
    clientId = settings.clientId();
    clientSecret = null;
    clientSecretSet = settings.clientSecretSet();
    allowedDomains = String.join(", ", settings.allowedDomains());
    metadataUrl = settings.metadataUrl();
    redirectUri = settings.redirectUri();
  }

  public void save() {
    List<String> domains =
        allowedDomains == null
            ? List.of()
            : Arrays.stream(allowedDomains.split("[,\\s]+")).filter(d -> !d.isBlank()).toList();
    try {
      show(
          microsoft.update(
              new MicrosoftSignInDraft(
                  enabled,
                  tenant,
                  clientId,
                  clientSecret == null || clientSecret.isEmpty() ? null : clientSecret,
                  domains,
                  metadataUrl),
              FormMessages.actor()));
      FormMessages.info("Microsoft sign-in saved");
    } catch (InvalidInputException e) {
      FormMessages.fields("microsoft", e.violations());
    } catch (UnavailableException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public String getClientSecret() {
    return clientSecret;
  }

  public void setClientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
  }

  public boolean isClientSecretSet() {
    return clientSecretSet;
  }

  public String getAllowedDomains() {
    return allowedDomains;
  }

  public void setAllowedDomains(String allowedDomains) {
    this.allowedDomains = allowedDomains;
  }

  public String getMetadataUrl() {
    return metadataUrl;
  }

  public void setMetadataUrl(String metadataUrl) {
    this.metadataUrl = metadataUrl;
  }

  public String getRedirectUri() {
    return redirectUri;
  }
}
