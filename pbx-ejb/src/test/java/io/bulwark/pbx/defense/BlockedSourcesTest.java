package io.bulwark.pbx.defense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.testing.MutableClock;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockedSourcesTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final BlockedSources blocked = new BlockedSources(clock);

  @Test
  void anAddressAndTheMembersOfANetworkAreBlockedOthersAreNot() throws Exception {
    blocked.replace(List.of(block(1, "203.0.113.7", null), block(2, "198.51.100.0/24", null)));

    assertTrue(blocked.blocks(InetAddress.getByName("203.0.113.7")));
    assertTrue(blocked.blocks(InetAddress.getByName("198.51.100.200")));
    assertFalse(blocked.blocks(InetAddress.getByName("203.0.113.8")));
    assertEquals(2, blocked.find(InetAddress.getByName("198.51.100.1")).orElseThrow().id());
  }

  @Test
  void aTemporaryBlockEndsWhenItExpiresWithoutBeingRemoved() throws Exception {
    blocked.replace(List.of(block(1, "203.0.113.7", NOW.plus(Duration.ofMinutes(10)))));
    InetAddress attacker = InetAddress.getByName("203.0.113.7");

    clock.advance(Duration.ofMinutes(9));
    assertTrue(blocked.blocks(attacker));
    clock.advance(Duration.ofMinutes(1));
    assertFalse(blocked.blocks(attacker));
  }

  @Test
  void ofTwoBlocksOfOneAddressTheLongerLivedDecides() throws Exception {
    blocked.replace(
        List.of(
            block(1, "203.0.113.7", NOW.plus(Duration.ofMinutes(1))),
            block(2, "203.0.113.7", null),
            block(3, "203.0.113.7", NOW.plus(Duration.ofMinutes(5)))));

    clock.advance(Duration.ofHours(1));
    assertEquals(2, blocked.find(InetAddress.getByName("203.0.113.7")).orElseThrow().id());
  }

  @Test
  void replacingTheBlocksLiftsTheOnesLeftOut() throws Exception {
    blocked.replace(List.of(block(1, "203.0.113.7", null)));
    blocked.replace(List.of());
    assertFalse(blocked.blocks(InetAddress.getByName("203.0.113.7")));
  }

  @Test
  void anAutomaticBlockIsInForceAtOnce() throws Exception {
    blocked.add(automatic("203.0.113.7", NOW.plus(Duration.ofMinutes(10))));

    assertTrue(blocked.blocks(InetAddress.getByName("203.0.113.7")));
    assertFalse(blocked.blocks(InetAddress.getByName("203.0.113.8")));
  }

  @Test
  void anAutomaticBlockNotStoredYetStaysInForceAcrossAReplace() throws Exception {
    blocked.replace(List.of(block(1, "198.51.100.0/24", null)));
    blocked.add(automatic("203.0.113.7", NOW.plus(Duration.ofMinutes(10))));

    blocked.replace(List.of(block(1, "198.51.100.0/24", null), block(2, "203.0.113.8", null)));

    assertTrue(blocked.blocks(InetAddress.getByName("203.0.113.7")));
    assertTrue(blocked.blocks(InetAddress.getByName("198.51.100.1")));
    blocked.replace(List.of());
    assertTrue(blocked.blocks(InetAddress.getByName("203.0.113.7")));
    assertFalse(blocked.blocks(InetAddress.getByName("198.51.100.1")));
  }

  @Test
  void anAutomaticBlockIsLeftToTheStoredOnesOnceTheyHoldItsAddress() throws Exception {
    InetAddress attacker = InetAddress.getByName("203.0.113.7");
    blocked.add(automatic("203.0.113.7", NOW.plus(Duration.ofMinutes(10))));

    blocked.replace(List.of(block(5, "203.0.113.7", NOW.plus(Duration.ofMinutes(10)))));
    assertEquals(5, blocked.find(attacker).orElseThrow().id());

    blocked.replace(List.of());
    assertFalse(blocked.blocks(attacker));
  }

  @Test
  void aStoredNetworkDoesNotTakeTheAutomaticBlockOfAnAddressInIt() throws Exception {
    InetAddress attacker = InetAddress.getByName("203.0.113.0");
    blocked.add(automatic("203.0.113.0", NOW.plus(Duration.ofMinutes(10))));

    blocked.replace(List.of(block(5, "203.0.113.0/24", NOW.plus(Duration.ofMinutes(1)))));
    blocked.replace(List.of());

    assertTrue(blocked.blocks(attacker));
  }

  @Test
  void anAutomaticBlockNotStoredEndsWhenItExpires() throws Exception {
    InetAddress attacker = InetAddress.getByName("203.0.113.7");
    blocked.add(automatic("203.0.113.7", NOW.plus(Duration.ofMinutes(10))));

    clock.advance(Duration.ofMinutes(10));
    assertFalse(blocked.blocks(attacker));
    blocked.replace(List.of());
    clock.advance(Duration.ofMinutes(-5));
    assertFalse(blocked.blocks(attacker), "an expired unstored block is gone after a replace");
  }

  @Test
  void anUnexpiredAutomaticBlockSurvivesAReplaceThatDropsAnExpiredOne() throws Exception {
    blocked.add(automatic("203.0.113.7", NOW.plus(Duration.ofMinutes(10))));
    blocked.add(automatic("203.0.113.8", NOW.plus(Duration.ofMinutes(60))));

    clock.advance(Duration.ofMinutes(10));
    blocked.replace(List.of());
    clock.advance(Duration.ofMinutes(-5));

    assertFalse(blocked.blocks(InetAddress.getByName("203.0.113.7")));
    assertTrue(blocked.blocks(InetAddress.getByName("203.0.113.8")));
  }

  @Test
  void ofAStoredAndAnAutomaticBlockOfOneAddressTheLongerLivedDecides() throws Exception {
    InetAddress attacker = InetAddress.getByName("203.0.113.7");
    blocked.replace(List.of(block(1, "203.0.113.8", null)));
    blocked.add(automatic("203.0.113.8", NOW.plus(Duration.ofMinutes(10))));
    blocked.add(automatic("203.0.113.7", NOW.plus(Duration.ofMinutes(10))));

    assertEquals(1, blocked.find(InetAddress.getByName("203.0.113.8")).orElseThrow().id());
    assertEquals(DefenseType.AUTO_DEFENSE, blocked.find(attacker).orElseThrow().type());
  }

  private static Block block(long id, String source, Instant until) {
    return new Block(id, CidrBlock.parse(source), DefenseType.MANUAL, "test", NOW, until);
  }

  @Test
  void automaticBlocksWaitingToBeWrittenAreBoundedSoAForgedFloodCannotFillTheMemory()
      throws Exception {
    Instant until = NOW.plus(Duration.ofHours(1));
    for (int i = 0; i < BlockedSources.MAX_UNSTORED; i++) {
      String address = "10." + (i >> 16) + "." + ((i >> 8) & 0xFF) + "." + (i & 0xFF);
      assertTrue(blocked.add(automatic(address, until)));
    }
    assertFalse(
        blocked.add(automatic("198.51.100.1", until)), "beyond the bound the block is not taken");
    assertFalse(blocked.blocks(InetAddress.getByName("198.51.100.1")));
    assertTrue(blocked.blocks(InetAddress.getByName("10.0.0.5")));
    assertEquals(BlockedSources.MAX_UNSTORED, blocked.inForce());
  }

  private static Block automatic(String source, Instant until) {
    return new Block(0, CidrBlock.parse(source), DefenseType.AUTO_DEFENSE, "flood", NOW, until);
  }
}
