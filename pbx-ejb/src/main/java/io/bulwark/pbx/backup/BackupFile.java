package io.bulwark.pbx.backup;

import java.util.regex.Pattern;

/** A backup in the backup folder: its file name, size in bytes, and what its manifest says. */
public record BackupFile(String name, long bytes, BackupManifest manifest) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.bwbk");

  /** Whether {@code name} is one a backup can have: a plain file name, no path. */
  public static boolean isName(String name) {
    return name != null && NAME.matcher(name).matches();
  }
}
