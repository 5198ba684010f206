package io.bulwark.pbx.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The passwords every cracking list tries first and a policy of length and character classes still
 * lets through once its letters are cased ({@code Password1}, {@code Qwerty123}): shipped with
 * Bulwark (common-passwords.txt) and compared without regard to case.
 */
public final class CommonPasswords {

  private CommonPasswords() {}

  public static boolean contains(String password) {
    return password != null && Loaded.PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
  }

  private static final class Loaded {
    static final Set<String> PASSWORDS = read();

    private static Set<String> read() {
      try (InputStream in = CommonPasswords.class.getResourceAsStream("common-passwords.txt")) {
        if (in == null) {
          throw new IllegalStateException("common-passwords.txt is missing from the build");
        }
        Set<String> passwords = new HashSet<>();
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (!line.isBlank() && !line.startsWith("#")) {
            passwords.add(line.strip());
          }
        }
        return Set.copyOf(passwords);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
