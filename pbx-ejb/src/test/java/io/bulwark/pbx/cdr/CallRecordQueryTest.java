package io.bulwark.pbx.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.system.FieldViolation;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CallRecordQueryTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void aNumberMatchesTheCallerTheCalleeOrTheNumberDialled() {
    assertEquals(
        " where 1 = 1 and c.startedAt < :to"
            + " and (c.caller = :number or c.callee = :number or c.dialled = :number)"
            + " and c.disposition in :dispositions",
        new CallRecordQuery(null, NOW, " 1001 ", Set.of(Disposition.BUSY)).filter().clause());
    assertEquals(" where 1 = 1", new CallRecordQuery(null, null, " ", null).filter().clause());
  }

  @Test
  void aNumberWithLettersAndAnInvertedRangeAreRefusedTogether() {
    assertEquals(
        Set.of("from", "number"),
        new CallRecordQuery(NOW, NOW.minusSeconds(1), "1001 or 1=1", null)
            .violations().stream().map(FieldViolation::field).collect(Collectors.toSet()));
  }
}
