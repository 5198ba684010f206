package io.bulwark.pbx.web.portal;

/**
 * A change asked for on a page the user's roles let them view only: nothing is changed, and the
 * page says so ({@link ReadOnlyExceptionHandler}).
 */
final class ReadOnlyException extends RuntimeException {

  static final String MESSAGE = "Your role lets you view this page but not change it.";

  ReadOnlyException() {
    super(MESSAGE, null, false, false);
  }
}
