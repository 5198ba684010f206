package io.bulwark.pbx.cdr;

import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.JpqlFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which call records to list: calls started in a time range (either end open), by a number (the
 * caller, the callee or the number dialled; empty for all) and by disposition (empty keeps all).
 */
public record CallRecordQuery(
    Instant from, Instant to, String number, Set<Disposition> dispositions) {

  private static final Pattern NUMBER = Pattern.compile("[0-9*#+]{1,64}");

  public CallRecordQuery {
    number = number == null || number.isBlank() ? null : number.trim();
    dispositions = dispositions == null ? Set.of() : Set.copyOf(dispositions);
  }

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    if (from != null && to != null && from.isAfter(to)) {
      found.add(new FieldViolation("from", "The start of the range is after its end"));
    }
    if (number != null && !NUMBER.matcher(number).matches()) {
      found.add(new FieldViolation("number", "A number has up to 64 digits, *, # or +"));
    }
    return found;
  }

  JpqlFilter filter() {
    return new JpqlFilter()
        .atLeast("c.startedAt", "from", from)
        .below("c.startedAt", "to", to)
        .where(
            "(c.caller = :number or c.callee = :number or c.dialled = :number)", "number", number)
        .in("c.disposition", "dispositions", dispositions);
  }
}
