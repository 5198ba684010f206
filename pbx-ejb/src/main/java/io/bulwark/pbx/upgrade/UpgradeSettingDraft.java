package io.bulwark.pbx.upgrade;

import io.bulwark.pbx.system.FieldViolation;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Upgrade settings as an administrator sends them.
 *
 * @param source a folder on this system, or an HTTPS address; empty for none
 */
public record UpgradeSettingDraft(UpgradePolicy policy, LocalTime checkAt, String source) {

  public UpgradeSettingDraft {
    source = source == null ? "" : source.strip();
  }

  public List<FieldViolation> violations() {
    List<FieldViolation> violations = new ArrayList<>();
    if (policy == null) {
      violations.add(new FieldViolation("policy", "Choose never, notify or auto"));
    }
    if (checkAt == null) {
      violations.add(new FieldViolation("checkAt", "Give the time of day to check, as HH:MM"));
    }
    sourceProblem(source).ifPresent(p -> violations.add(new FieldViolation("source", p)));
    return violations;
  }

  /** A folder must exist here; an address must be HTTPS, since packages come over the internet. */
  static Optional<String> sourceProblem(String source) {
    if (source.isEmpty()) {
      return Optional.empty();
    }
    if (source.length() > 500) {
      return Optional.of("At most 500 characters");
    }
    if (source.startsWith("/")) {
      try {
        return Files.isDirectory(Path.of(source))
            ? Optional.empty()
            : Optional.of("No such folder on this system");
      } catch (InvalidPathException e) {
        return Optional.of("Not a folder path");
      }
    }
    try {
      URI uri = new URI(source);
      if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
        return Optional.empty();
      }
    } catch (URISyntaxException e) {
      // answered below
    }
    return Optional.of("Give a folder (/srv/releases) or an https:// address");
  }

  String describe() {
    return policy.getLabel()
        + ", daily at "
        + checkAt
        + (source.isEmpty() ? ", no source" : ", from " + source);
  }
}
