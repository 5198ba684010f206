package io.bulwark.sip;

import java.net.InetAddress;

/**
 * Whether a source may reach the stack at all, asked before anything it sent is parsed: for every
 * datagram on the socket's thread, for every TCP connection as it is accepted. What it refuses is
 * dropped without an answer (a refusal would tell a scanner it found something). It must answer at
 * once, without blocking and without asking a database.
 */
@FunctionalInterface
public interface SourceGate {

  /** Lets everybody in. */
  SourceGate OPEN = source -> true;

  boolean admits(InetAddress source);
}
