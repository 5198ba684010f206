package io.bulwark.pbx.defense;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.system.FieldViolation;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessSettingsDraftTest {

  @Test
  void countriesAreCleanedAndSorted() {
    AccessSettingsDraft draft =
        new AccessSettingsDraft(true, Arrays.asList(" de", "AT", null, "", "DE"), false);

    assertEquals(List.of(), draft.violations());
    assertEquals(List.of("AT", "DE"), draft.cleanCountries());
    assertEquals(new AccessPolicy(true, Set.of("AT", "DE"), false), draft.policy());
  }

  @Test
  void anUnknownCodeIsNamed() {
    assertEquals(
        List.of(new FieldViolation("allowedCountries", "XX is not an ISO 3166 country code")),
        new AccessSettingsDraft(false, List.of("DE", "xx"), false).violations());
  }

  @Test
  void theFilterNeedsACountry() {
    assertEquals(
        List.of(
            new FieldViolation(
                "allowedCountries", "Choose at least one country to turn the filter on")),
        new AccessSettingsDraft(true, List.of(), false).violations());
    assertEquals(List.of(), new AccessSettingsDraft(false, List.of(), true).violations());
  }

  @Test
  void everyMissingFieldIsReported() {
    assertEquals(
        List.of("countryFilter", "allowedCountries", "allowlistOnly"),
        new AccessSettingsDraft(null, null, null)
            .violations().stream().map(FieldViolation::field).toList());
  }
}
