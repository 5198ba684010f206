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
}
