package io.bulwark.pbx.system;

import java.util.ArrayList;
import java.util.List;

/**
 * The page a list asks for: where it starts and how long it is, checked with the list's filters.
 */
public final class PageBounds {

  private PageBounds() {}

  /**
   * Refuses the query when its filters are wrong ({@code violations}), or the page starts before 0
   * or is not 1 to {@code max} rows long, naming every wrong field at once.
   */
  public static void check(List<FieldViolation> violations, int offset, int limit, int max) {
    List<FieldViolation> found = new ArrayList<>(violations);
    if (offset < 0) {
      found.add(new FieldViolation("offset", "offset must be 0 or more"));
    }
    if (limit < 1 || limit > max) {
      found.add(new FieldViolation("limit", "limit must be between 1 and " + max));
    }
    if (!found.isEmpty()) {
      throw new InvalidInputException(found);
    }
  }
}
