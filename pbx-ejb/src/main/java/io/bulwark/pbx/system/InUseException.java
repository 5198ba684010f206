package io.bulwark.pbx.system;

import jakarta.ejb.ApplicationException;

/**
 * A deletion refused because something else still refers to the object (a trunk an outbound route
 * sends through): nothing is changed, and the message names what uses it.
 */
@ApplicationException(rollback = true)
public class InUseException extends RuntimeException {

  public InUseException(String message) {
    super(message);
  }
}
