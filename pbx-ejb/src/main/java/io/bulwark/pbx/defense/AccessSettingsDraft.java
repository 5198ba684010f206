package io.bulwark.pbx.defense;

import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Access settings as an administrator writes them: countries by their ISO 3166 alpha-2 codes. */
public record AccessSettingsDraft(
    Boolean countryFilter, List<String> allowedCountries, Boolean allowlistOnly) {

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    if (countryFilter == null) {
      found.add(new FieldViolation("countryFilter", "On or off"));
    }
    if (allowedCountries == null) {
      found.add(new FieldViolation("allowedCountries", "A list of country codes, empty for none"));
    } else {
      cleanCountries().stream()
          .filter(c -> !COUNTRIES.contains(c))
          .findFirst()
          .ifPresent(
              c ->
                  found.add(
                      new FieldViolation(
                          "allowedCountries", c + " is not an ISO 3166 country code")));
      if (Boolean.TRUE.equals(countryFilter) && cleanCountries().isEmpty()) {
        found.add(
            new FieldViolation(
                "allowedCountries", "Choose at least one country to turn the filter on"));
      }
    }
    if (allowlistOnly == null) {
      found.add(new FieldViolation("allowlistOnly", "On or off"));
    }
    return found;
  }

  /** The codes upper case, without blanks or repeats, sorted. */
  List<String> cleanCountries() {
    return allowedCountries.stream()
        .filter(c -> c != null && !c.isBlank())
        .map(c -> c.strip().toUpperCase(Locale.ROOT))
        .distinct()
        .sorted()
        .toList();
  }

  AccessPolicy policy() {
    return new AccessPolicy(countryFilter, Set.copyOf(cleanCountries()), allowlistOnly);
  }
}
