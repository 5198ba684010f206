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
    List<String> scannerAgents,
    List<String> localNetworks,
    Boolean kernelBackend) {

  /** A fresh install's local networks: the private ranges, link-local and loopback. */
  public static final List<String> DEFAULT_LOCAL_NETWORKS =
      List.of(
          "10.0.0.0/8",
          "172.16.0.0/12",
          "192.168.0.0/16",
          "169.254.0.0/16",
          "127.0.0.0/8",
          "fc00::/7",
          "fe80::/10",
          "::1");

  static final int MAX_LOCAL_NETWORKS = 50;

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
    if (kernelBackend == null) {
      found.add(new FieldViolation("kernelBackend", "On or off"));
    }
    if (localNetworks == null) {
      found.add(new FieldViolation("localNetworks", "A list, empty when no network is local"));
    } else if (cleanLocalNetworks().size() > MAX_LOCAL_NETWORKS) {
      found.add(new FieldViolation("localNetworks", "At most " + MAX_LOCAL_NETWORKS + " networks"));
    } else {
      for (String network : cleanLocalNetworks()) {
        try {
          CidrBlock.parse(network);
        } catch (IllegalArgumentException e) {
          found.add(new FieldViolation("localNetworks", network + ": " + e.getMessage()));
          break;
        }
      }
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

  /** The local networks as blocks; call only when {@link #violations()} found none. */
  List<CidrBlock> localBlocks() {
    return cleanLocalNetworks().stream().map(CidrBlock::parse).distinct().toList();
  }

  private List<String> cleanLocalNetworks() {
    return localNetworks.stream()
        .filter(n -> n != null && !n.isBlank())
        .map(String::strip)
        .toList();
  }

  private static void range(
      List<FieldViolation> found, String field, Integer value, int min, int max, String unit) {
    if (value == null || value < min || value > max) {
      found.add(new FieldViolation(field, "From " + min + " to " + max + " " + unit));
    }
  }
}
