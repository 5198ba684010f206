package io.bulwark.pbx.system;

import jakarta.ejb.ApplicationException;

/**
 * A save over a version that someone else changed since it was read: nothing is written, and the
 * message says which object, by the name its users know it by.
 */
@ApplicationException(rollback = true)
public class ConcurrentChangeException extends RuntimeException {

  public ConcurrentChangeException(String message) {
    super(message);
  }

  /**
   * Refuses a save made from {@code readVersion} when the object, {@code what} ("The blocklist
   * settings"), is at {@code currentVersion} now; a save that names no version is let through.
   */
  public static void check(Integer readVersion, int currentVersion, String what) {
    if (readVersion != null && readVersion != currentVersion) {
      throw new ConcurrentChangeException(
          what
              + " changed since you opened it: someone else saved first. Open it again to see the"
              + " changes; nothing was saved.");
    }
  }
}
