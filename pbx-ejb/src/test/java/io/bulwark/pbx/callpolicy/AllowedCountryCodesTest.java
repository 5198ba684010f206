package io.bulwark.pbx.callpolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dialing protection with the US/Canada and Germany allowed, the prefix 011. */
class AllowedCountryCodesTest {

  private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

  private final CallPolicy policy =
      CallPolicy.builder()
          .internationalPrefix("011")
          .allowedCountryCodes(Set.of("1", "49"))
          .build();

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "2125551234 | -",
        "01149301234 | -",
        "+49301234 | -",
        "+12125551234 | -",
        "+12425551234 | Calls to +1-242 Bahamas (BS) are not allowed",
        "01144207946 | Calls to +44 Guernsey (GG), Isle of Man (IM), Jersey (JE),"
            + " United Kingdom (GB) are not allowed",
        "0118821612345 | No country/region calling code begins 8821612345",
      })
  void onlyAllowedCodesGoAbroadAndTheLongestCodeDecides(String sent, String denial) {
    CallPolicy.Judgement judged = policy.decide(new CallAttempt("1001", sent, sent, NOON));

    assertEquals(denial == null ? null : "Allowed country codes", judged.rule());
    assertEquals(denial, judged.verdict().allowed() ? null : judged.verdict().reason());
  }
}
