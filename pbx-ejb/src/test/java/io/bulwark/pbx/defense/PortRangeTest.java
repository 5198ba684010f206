package io.bulwark.pbx.defense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PortRangeTest {

  @Test
  void aSinglePortParsesToARangeOfOne() {
    assertEquals(new PortRange(5060, 5060), PortRange.parse("5060"));
    assertEquals(PortRange.of(5060), PortRange.parse("5060"));
  }

  @Test
  void aRangeParsesToItsEnds() {
    assertEquals(new PortRange(10000, 20000), PortRange.parse("10000-20000"));
  }

  @Test
  void spacesAroundTheRangeAndItsDashAreAllowed() {
    assertEquals(new PortRange(10000, 20000), PortRange.parse(" 10000 - 20000 "));
    assertEquals(PortRange.of(1), PortRange.parse("\t1 "));
  }

  @Test
  void theWholeRangeOfPortsParses() {
    assertEquals(PortRange.ALL, PortRange.parse("1-65535"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        " ",
        "0",
        "70000",
        "65536",
        "20-10",
        "abc",
        "5060-",
        "-5060",
        "1-2-3",
        "123456",
        "50 60",
        "5060,5061"
      })
  void anythingButAPortOrARangeOfPortsIsRefusedWithAReason(String text) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> PortRange.parse(text));
    assertFalse(refused.getMessage().isBlank());
  }

  @ParameterizedTest
  @CsvSource({"0, 1", "1, 65536", "20, 10"})
  void aRangeOutsideThePortsOrBackwardsCannotBeMade(int first, int last) {
    assertThrows(IllegalArgumentException.class, () -> new PortRange(first, last));
  }

  @Test
  void aRangeContainsBothEndsAndWhatLiesBetween() {
    PortRange rtp = PortRange.parse("10000-20000");
    assertTrue(rtp.contains(10000));
    assertTrue(rtp.contains(15000));
    assertTrue(rtp.contains(20000));
    assertFalse(rtp.contains(9999));
    assertFalse(rtp.contains(20001));
    assertTrue(PortRange.of(5060).contains(5060));
    assertFalse(PortRange.of(5060).contains(5061));
  }

  @Test
  void printsAsItIsTyped() {
    assertEquals("5060", PortRange.of(5060).toString());
    assertEquals("10000-20000", PortRange.parse(" 10000 - 20000 ").toString());
    assertEquals("1-65535", PortRange.ALL.toString());
  }
}
