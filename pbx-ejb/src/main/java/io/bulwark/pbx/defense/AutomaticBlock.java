package io.bulwark.pbx.defense;

import java.net.InetAddress;
import java.time.Instant;

/**
 * A block the firewall decided on its own, already in force in memory, to be written down: which
 * source, which defense and why, what it attacked, and until when.
 *
 * @param target what the source was after, when known: {@code SIP extension 1001}
 */
public record AutomaticBlock(
    InetAddress source,
    DefenseType type,
    String reason,
    Protocol protocol,
    int port,
    String target,
    Instant blockedAt,
    Instant until) {

  Block block() {
    return new Block(0, CidrBlock.of(source), type, reason, blockedAt, until);
  }
}
