package io.bulwark.pbx.sip.media;

import java.util.Optional;

/**
 * An NG command that did not succeed. The message is fixed per kind and command; what rtpengine
 * said of a refusal is in {@link #reason()}, for the log only: it may quote call data.
 */
public final class RtpEngineException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why the command failed. */
  public enum Kind {
    /** No answer after every retransmission: rtpengine is down or unreachable. */
    TIMEOUT("rtpengine did not answer the %s command"),
    /** rtpengine answered {@code result: error} (or another result than the command expects). */
    REFUSED("rtpengine refused the %s command"),
    /** The answer was not the bencoded dictionary the command expects. */
    MALFORMED("rtpengine's answer to the %s command is malformed"),
    /** The client was closed before an answer came. */
    CLOSED("the rtpengine client closed before the %s command was answered");

    private final String message;

    Kind(String message) {
      this.message = message;
    }
  }

  // A refusal reason longer than this is cut, so one answer cannot flood the log.
  private static final int MAX_REASON = 200;

  private final Kind kind;
  private final String reason;

  RtpEngineException(Kind kind, String command, String reason) {
    super(String.format(kind.message, command));
    this.kind = kind;
    this.reason = reason == null ? null : printable(reason);
  }

  RtpEngineException(Kind kind, String command) {
    this(kind, command, null);
  }

  public Kind kind() {
    return kind;
  }

  /** What rtpengine gave as its error reason, made printable and cut to a log line's length. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /** {@code text} without control characters, cut to a log line's length. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_REASON));
    text.codePoints()
        .limit(MAX_REASON)
        .forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return out.toString();
  }
}
