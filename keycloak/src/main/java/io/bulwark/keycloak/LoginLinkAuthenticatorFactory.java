package io.bulwark.keycloak;

import java.time.Clock;

/** The authenticator {@value #ID}: a one-time login link in place of a password. */
public final class LoginLinkAuthenticatorFactory extends StatelessAuthenticatorFactory {

  static final String ID = "bulwark-login-link";

  public LoginLinkAuthenticatorFactory() {
    super(
        ID,
        "One-time login link (Bulwark)",
        "Signs the user in with a one-time login link Bulwark issued (login_hint"
            + " link:user:token); steps aside without one.",
        new LoginLinkAuthenticator(Clock.systemUTC()));
  }
}
