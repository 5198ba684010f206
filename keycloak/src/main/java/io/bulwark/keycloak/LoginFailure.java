package io.bulwark.keycloak;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A failed login as Bulwark reads it: who was guessed at, from where, through which door. It
 * travels as one UDP datagram of lines, the first a fixed header, so that a datagram from anything
 * else is dropped unread: header, secret, kind ({@code USER} or {@code CLIENT}), address, login,
 * error.
 */
record LoginFailure(Kind kind, String address, String login, String error) {

  static final String HEADER = "bulwark-login-failure/1";

  /** Longest value a datagram carries; longer ones are cut, so a datagram stays small. */
  static final int MAX_VALUE = 128;

  /**
   * The errors that mean a guess: a wrong password, secret or code, an unknown name, or an account
   * Keycloak already locked. Others (an expired page, a missing cookie) say nothing of the caller.
   */
  static final Set<String> GUESSES =
      Set.of(
          "invalid_user_credentials",
          "user_not_found",
          "user_temporarily_disabled",
          "user_disabled",
          "invalid_client_credentials",
          "invalid_client",
          "client_not_found");

  /** A person signing in to the portal, or an API client asking for a token with its secret. */
  enum Kind {
    USER,
    CLIENT
  }

  static boolean isGuess(String error) {
    return error != null && GUESSES.contains(error);
  }

  byte[] datagram(String secret) {
    String text =
        String.join("\n", HEADER, secret, kind.name(), clean(address), clean(login), clean(error));
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** One line, printable, at most {@link #MAX_VALUE} characters; "-" for none. */
  static String clean(String value) {
    if (value == null || value.isBlank()) {
      return "-";
    }
    StringBuilder clean = new StringBuilder();
    value
        .strip()
        .codePoints()
        .filter(c -> !Character.isISOControl(c))
        .limit(MAX_VALUE)
        .forEach(clean::appendCodePoint);
    return clean.length() == 0 ? "-" : clean.toString();
  }
}
