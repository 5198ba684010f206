package io.bulwark.pbx.sip.media;

/**
 * Bytes that are not the bencode {@link Bencode} accepts. The message names the rule that was
 * broken and never quotes the input, which may come from anyone who can send a datagram.
 */
public final class MalformedBencodeException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  MalformedBencodeException(String rule) {
    super("malformed bencode: " + rule);
  }
}
