package io.bulwark.pbx.cdr;

import io.bulwark.pbx.system.FieldViolation;
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

  String where() {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (from != null) {
      where.append(" and c.startedAt >= :from");
    }
    if (to != null) {
      where.append(" and c.startedAt < :to");
    }
    if (number != null) {
      where.append(" and (c.caller = :number or c.callee = :number or c.dialled = :number)");
    }
    if (!dispositions.isEmpty()) {
      where.append(" and c.disposition in :dispositions");
    }
    return where.toString();
  }

  <Q extends jakarta.persistence.Query> Q bind(Q query) {
    if (from != null) {
      query.setParameter("from", from);
    }
    if (to != null) {
      query.setParameter("to", to);
    }
    if (number != null) {
      query.setParameter("number", number);
    }
    if (!dispositions.isEmpty()) {
      query.setParameter("dispositions", dispositions);
    }
    return query;
  }
}
