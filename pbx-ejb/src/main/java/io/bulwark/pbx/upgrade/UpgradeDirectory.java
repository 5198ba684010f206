package io.bulwark.pbx.upgrade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code $BULWARK_HOME/upgrade}: downloaded packages, and one folder per install holding the new
 * and the previous EAR, the database snapshot taken before, the installer's log and its result.
 * Only the newest installs' folders are kept.
 */
final class UpgradeDirectory {

  private static final int KEEP = 3;

  private final Path root;

  UpgradeDirectory(Path root) {
    this.root = root;
  }

  static UpgradeDirectory fromEnvironment() {
    String home = System.getenv("BULWARK_HOME");
    return new UpgradeDirectory(
        Path.of(home == null || home.isBlank() ? "/var/lib/bulwark" : home.strip(), "upgrade"));
  }

  Path downloads() {
    return root.resolve("downloads");
  }

  /**
   * Where the installer notes the SHA-256 of the EAR the launcher deploys from, when it first
   * installs a release over it: the launcher then keeps the upgrade rather than put that EAR back.
   */
  Path baseMarker() {
    return root.resolve("base.sha256");
  }

  boolean hasResult(long id) {
    return Files.exists(root.resolve("install-" + id).resolve("result"));
  }

  /**
   * A new, private folder for install {@code id}; the oldest ones beyond the newest are removed.
   */
  Path attempt(long id) throws IOException {
    Files.createDirectories(root);
    Path folder = root.resolve("install-" + id);
    deleteTree(folder);
    Files.createDirectory(
        folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    prune();
    return folder;
  }

  boolean hasUnrecordedResults() {
    try {
      return !unrecordedResults().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /** The folders of installs whose installer wrote a result not yet recorded. */
  List<Path> unrecordedResults() throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> folders = Files.list(root)) {
      return folders
          .filter(f -> f.getFileName().toString().startsWith("install-"))
          .filter(f -> Files.isRegularFile(f.resolve("result")))
          .filter(f -> !Files.exists(f.resolve("result.recorded")))
          .sorted()
          .toList();
    }
  }

  private void prune() throws IOException {
    List<Path> installs;
    try (Stream<Path> folders = Files.list(root)) {
      installs =
          folders
              .filter(f -> f.getFileName().toString().startsWith("install-"))
              .sorted(Comparator.comparingLong(UpgradeDirectory::number).reversed())
              .toList();
    }
    for (Path old : installs.subList(Math.min(KEEP, installs.size()), installs.size())) {
      deleteTree(old);
    }
  }

  static long number(Path folder) {
    try {
      return Long.parseLong(folder.getFileName().toString().substring("install-".length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
