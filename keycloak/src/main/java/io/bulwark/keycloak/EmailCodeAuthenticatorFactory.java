package io.bulwark.keycloak;

import java.time.Clock;

/** The authenticator {@value #ID}: a sign-in code sent by email, as a second factor. */
public final class EmailCodeAuthenticatorFactory extends StatelessAuthenticatorFactory {

  static final String ID = "bulwark-email-code";

  public EmailCodeAuthenticatorFactory() {
    super(
        ID,
        "Email code (Bulwark)",
        "Sends a six-digit sign-in code to the user's email address and asks for it.",
        new EmailCodeAuthenticator(Clock.systemUTC()));
  }
}
