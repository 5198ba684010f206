package io.bulwark.pbx.defense;

import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/** Defense settings as an administrator writes them. */
public record DefenseSettingsDraft(
    Integer autoBlockMinutes,
    Integer lockoutAttempts,
    Integer lockoutSeconds,
    Integer lockoutMinutes,
    List<String> scannerAgents) {

  static final int MAX_AGENT = 64;
  static final int MAX_AGENTS = 200;

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    range(found, "autoBlockMinutes", autoBlockMinutes, 1, BlockDraft.MAX_MINUTES, "minutes");
    range(found, "lockoutAttempts", lockoutAttempts, 1, 100, "attempts");
    range(found, "lockoutSeconds", lockoutSeconds, 1, 86_400, "seconds");
    range(found, "lockoutMinutes", lockoutMinutes, 1, BlockDraft.MAX_MINUTES, "minutes");
    if (scannerAgents == null) {
      found.add(new FieldViolation("scannerAgents", "A list, empty to detect no scanner"));
    } else if (cleanScannerAgents().size() > MAX_AGENTS) {
      found.add(new FieldViolation("scannerAgents", "At most " + MAX_AGENTS + " user agents"));
    } else if (cleanScannerAgents().stream().anyMatch(a -> a.length() > MAX_AGENT)) {
      found.add(
          new FieldViolation(
              "scannerAgents", "Each user agent at most " + MAX_AGENT + " characters"));
    }
    return found;
  }

  /** The user agents without blanks, surrounding spaces or repeats. */
  List<String> cleanScannerAgents() {
    return scannerAgents.stream()
        .filter(a -> a != null && !a.isBlank())
        .map(String::strip)
        .distinct()
        .toList();
  }

  private static void range(
      List<FieldViolation> found, String field, Integer value, int min, int max, String unit) {
    if (value == null || value < min || value > max) {
      found.add(new FieldViolation(field, "From " + min + " to " + max + " " + unit));
    }
  }
}
