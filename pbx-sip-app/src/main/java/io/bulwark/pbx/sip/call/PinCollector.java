package io.bulwark.pbx.sip.call;

import io.bulwark.pbx.routing.RoutePin;

/**
 * The keys a caller presses for a route's PIN: digits make up a PIN, # submits it (so does the last
 * digit of the longest PIN), * starts again. A wrong PIN costs one of the attempts.
 */
final class PinCollector {

  /** What a key, or the wait for one running out, leads to. */
  enum Outcome {
    /** Keep listening. */
    MORE,
    /** The PIN is one of the route's. */
    ACCEPTED,
    /** A wrong PIN; attempts are left. */
    WRONG,
    /** A wrong PIN, and the last attempt. */
    EXHAUSTED
  }

  private final RoutePin pins;
  private final StringBuilder entered = new StringBuilder();
  private int attemptsLeft;
  private String accepted;

  PinCollector(RoutePin pins, int attempts) {
    this.pins = pins;
    this.attemptsLeft = attempts;
  }

  Outcome key(char key) {
    if (accepted != null || attemptsLeft == 0) {
      return Outcome.MORE;
    }
    if (key == '#') {
      return submit();
    }
    if (key == '*') {
      entered.setLength(0);
      return Outcome.MORE;
    }
    if (!Character.isDigit(key)) {
      return Outcome.MORE;
    }
    entered.append(key);
    if (entered.length() >= pins.longest()) {
      return submit();
    }
    return Outcome.MORE;
  }

  /** The caller stopped pressing keys: what it entered counts, nothing entered as a wrong PIN. */
  Outcome timedOut() {
    return accepted != null || attemptsLeft == 0 ? Outcome.MORE : submit();
  }

  private Outcome submit() {
    String pin = entered.toString();
    entered.setLength(0);
    if (pins.accepts(pin)) {
      accepted = pin;
      return Outcome.ACCEPTED;
    }
    attemptsLeft--;
    return attemptsLeft == 0 ? Outcome.EXHAUSTED : Outcome.WRONG;
  }

  /** The PIN the caller entered, once accepted. */
  String accepted() {
    return accepted;
  }
}
