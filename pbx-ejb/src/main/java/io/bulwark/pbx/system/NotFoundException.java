package io.bulwark.pbx.system;

import jakarta.ejb.ApplicationException;

/** The addressed object does not exist (any more). */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
