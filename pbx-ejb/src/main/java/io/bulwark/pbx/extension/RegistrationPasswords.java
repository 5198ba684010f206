package io.bulwark.pbx.extension;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Generates registration passwords that pass {@link ExtensionDraft}'s rules with room to spare: 16
 * characters, upper case, lower case and digits, none that look alike ({@code 0 O 1 l I}), so that
 * one read off a screen and typed into a phone works the first time, and no run a cracking list
 * would try.
 */
public final class RegistrationPasswords {

  static final int LENGTH = 16;
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String ALL = UPPER + LOWER + DIGITS;
  private static final SecureRandom RANDOM = new SecureRandom();

  private RegistrationPasswords() {}

  public static String generate() {
    return generate(RANDOM);
  }

  static String generate(RandomGenerator random) {
    String password;
    do {
      password = candidate(random);
    } while (ExtensionDraft.hasGuessableRun(password));
    return password;
  }

  private static String candidate(RandomGenerator random) {
    char[] password = new char[LENGTH];
    password[0] = pick(UPPER, random);
    password[1] = pick(LOWER, random);
    password[2] = pick(DIGITS, random);
    for (int i = 3; i < LENGTH; i++) {
      password[i] = pick(ALL, random);
    }
    for (int i = LENGTH - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      char swap = password[i];
      password[i] = password[j];
      password[j] = swap;
    }
    return new String(password);
  }

  private static char pick(String alphabet, RandomGenerator random) {
    return alphabet.charAt(random.nextInt(alphabet.length()));
  }
}
