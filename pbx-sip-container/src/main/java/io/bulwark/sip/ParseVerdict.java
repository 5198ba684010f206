package io.bulwark.sip;

/**
 * What the parser found wrong with a request that it still handed to the stack, so that the answer
 * goes out through a server transaction like any other (and so over the same TCP connection, with
 * rport and received honoured). Carried as the message's application data.
 */
enum ParseVerdict {
  /** A header the container needs is malformed, duplicated, or contradicts another. */
  BAD_REQUEST,
  /** The request line names a SIP version other than 2.0. */
  VERSION_NOT_SUPPORTED
}
