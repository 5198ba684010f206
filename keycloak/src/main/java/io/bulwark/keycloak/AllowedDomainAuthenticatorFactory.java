package io.bulwark.keycloak;

/** The authenticator {@value #ID}: only the allowed email domains through Microsoft. */
public final class AllowedDomainAuthenticatorFactory extends StatelessAuthenticatorFactory {

  static final String ID = "bulwark-allowed-domain";

  public AllowedDomainAuthenticatorFactory() {
    super(
        ID,
        "Allowed email domain (Bulwark)",
        "Lets a user signed in through Microsoft in only when their email domain is allowed.",
        new AllowedDomainAuthenticator());
  }
}
