package io.bulwark.sip;

import java.net.InetAddress;

/**
 * Whether a source may reach the stack at all, asked before anything it sent is parsed: for every
 * datagram on the socket's thread, for every TCP connection as it is accepted. A refused datagram
 * is dropped without an answer (a refusal would tell a scanner it found something); a refused
 * connection is reset, the kernel having completed its handshake before anyone could ask. It must
 * answer at once, without blocking and without asking a database.
 */
@FunctionalInterface
public interface SourceGate {

  /** Lets everybody in. */
  SourceGate OPEN = (source, transport) -> true;

  /** What carried the packet: each datagram is asked about, and each TCP connection once. */
  enum Transport {
    UDP,
    TCP
  }

  boolean admits(InetAddress source, Transport transport);
}
