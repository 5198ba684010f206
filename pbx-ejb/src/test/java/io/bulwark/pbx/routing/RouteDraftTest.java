package io.bulwark.pbx.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.system.FieldViolation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteDraftTest {

  private static final List<DialPatternDraft> PATTERNS =
      List.of(new DialPatternDraft("9X.", 1, null));

  @Test
  void aCompleteOutboundRouteIsValid() {
    OutboundRouteDraft draft =
        new OutboundRouteDraft(
            " International ", PATTERNS, List.of(3L, 1L), List.of("2000", " 2001", "2000"), " ");
    assertEquals(List.of(), draft.violations());
    assertEquals("International", draft.name());
    assertEquals(List.of("2000", "2001"), draft.members());
    assertEquals(null, draft.callerIdNumber());
    assertEquals(List.of(DialPattern.parse("9X.", 1, "")), draft.patterns());
  }

  @Test
  void everyWrongFieldOfAnOutboundRouteIsReported() {
    OutboundRouteDraft draft =
        new OutboundRouteDraft("bad/name", List.of(), List.of(), List.of("20a"), "12ab");
    assertEquals(
        List.of(
            new FieldViolation(
                "name",
                "Route name may use letters, digits, spaces, '.', '_' and '-' (at most 64)"),
            new FieldViolation("dialPatterns", "At least one dial pattern is required"),
            new FieldViolation("trunkIds", "At least one trunk is required"),
            new FieldViolation("members", "Member extensions are numbers of 1 to 16 digits"),
            new FieldViolation(
                "callerIdNumber",
                "Caller ID number must be digits, optionally after '+' (at most 32)")),
        draft.violations());
  }

  @Test
  void aWrongPatternRowIsReportedOnThePartToChange() {
    OutboundRouteDraft draft =
        new OutboundRouteDraft(
            "R",
            List.of(
                new DialPatternDraft("9X.", 0, ""),
                new DialPatternDraft("9Q", 0, ""),
                new DialPatternDraft("9X", 0, "x"),
                new DialPatternDraft("9X", 3, "")),
            List.of(1L, 1L),
            null,
            null);
    assertEquals(
        List.of(
            new FieldViolation("dialPatterns[1].pattern", "Dial pattern 9Q: 'Q' is not allowed"),
            new FieldViolation(
                "dialPatterns[2].prepend", "Prepend may use digits, '*', '#' and '+' (at most 32)"),
            new FieldViolation(
                "dialPatterns[3].strip",
                "Strip must be 0 to 2, the length of the shortest number 9X matches"),
            new FieldViolation("trunkIds", "A trunk may appear only once")),
        draft.violations());
  }

  @Test
  void nullRowsAndIdsAreIgnored() {
    OutboundRouteDraft draft =
        new OutboundRouteDraft(
            "R",
            Arrays.asList(null, new DialPatternDraft("X", null, null)),
            Arrays.asList(null, 4L),
            Arrays.asList((String) null),
            null);
    assertEquals(List.of(), draft.violations());
    assertEquals(List.of(4L), draft.trunkIds());
  }

  @Test
  void anInboundRouteNeedsANameAndADestinationAndMayLeavePatternsEmpty() {
    assertEquals(List.of(), new InboundRouteDraft("Main", " ", null, "2000").violations());
    assertEquals(
        List.of(
            new FieldViolation("name", "Route name is required"),
            new FieldViolation("didPattern", "Dial pattern 55.1: '.' may only end the pattern"),
            new FieldViolation("callerPattern", "Dial pattern +49[: '[' is not closed"),
            new FieldViolation("destination", "Destination extension must be 1 to 16 digits")),
        new InboundRouteDraft(null, "55.1", "+49[", "twelve").violations());
    assertEquals(
        List.of(new FieldViolation("destination", "Destination extension is required")),
        new InboundRouteDraft("Main", "X.", "X.", "").violations());
  }
}
