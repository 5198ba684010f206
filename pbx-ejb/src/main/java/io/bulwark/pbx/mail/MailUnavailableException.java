package io.bulwark.pbx.mail;

import io.bulwark.pbx.system.UnavailableException;
import jakarta.ejb.ApplicationException;

/**
 * A message could not be sent: email is off, or the SMTP server refused or did not answer. The
 * message says which, in words fit for the page; the server's own answer goes to the log only.
 */
@ApplicationException(rollback = false)
public class MailUnavailableException extends UnavailableException {
  public MailUnavailableException(String message) {
    super(message);
  }
}
