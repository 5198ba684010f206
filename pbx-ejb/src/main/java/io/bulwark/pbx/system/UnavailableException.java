package io.bulwark.pbx.system;

import jakarta.ejb.ApplicationException;

/**
 * A change refused because a component it must also be made in (Keycloak) did not answer: nothing
 * is changed, and the message says which component, never what it answered.
 */
@ApplicationException(rollback = true)
public class UnavailableException extends RuntimeException {

  public UnavailableException(String message) {
    super(message);
  }
}
