package io.bulwark.pbx.callpolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallingCodesTest {

  private final CallingCodes codes = CallingCodes.shipped();

  @ParameterizedTest(name = "{0} -> +{1}")
  @CsvSource({
    "12425551234, 1-242",
    "12125551234, 1",
    "4930123456, 49",
    "447700900123, 44",
    "59991234567, 599-9",
    "3531234567, 353",
    "79161234567, 7",
    "8821612345, none",
  })
  void aNumberTakesTheLongestCodeItBeginsWith(String digits, String code) {
    assertEquals(code, codes.of(digits).map(CallingCode::code).orElse("none"));
  }

  @Test
  void theListHasEveryCountryOnceAndSharedCodesTogether() {
    assertTrue(codes.all().size() > 230, "codes: " + codes.all().size());
    assertEquals(
        List.of("CA", "UM", "US"),
        codes.byCode("1").orElseThrow().regions().stream().map(CallingCode.Region::iso).toList());
    assertEquals("Bahamas (BS)", codes.byCode("1242").orElseThrow().regionNames());
    assertEquals("North America", codes.byCode("1-242").orElseThrow().regions().get(0).continent());
    assertEquals(
        codes.all().size(), codes.all().stream().map(CallingCode::digits).distinct().count());
  }

  @Test
  void unknownCodesAreNamed() {
    assertEquals(List.of("999", "0"), codes.unknown(List.of("49", "999", "1-242", "0")));
  }
}
