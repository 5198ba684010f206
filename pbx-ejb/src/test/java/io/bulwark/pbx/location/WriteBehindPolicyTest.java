package io.bulwark.pbx.location;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.location.RegistrationOutcome.Accepted;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteBehindPolicyTest {

  private static final long NOW = 1_735_725_600_000L;
  private static final Accepted OK = new Accepted(List.of());

  private static Binding binding(String uri, long expiresAt) {
    return new Binding(uri, expiresAt, "call", 1, "192.0.2.10", 5060, "UDP", null, NOW);
  }

  private static AorBindings persisted(long persistedExpiry, Binding... bindings) {
    return new AorBindings(List.of(bindings), persistedExpiry);
  }

  private static RegistrationRules.Result refresh(Binding... bindings) {
    return new RegistrationRules.Result(OK, List.of(bindings), true, false);
  }

  @Test
  void unchangedResultIsNeverWritten() {
    AorBindings before = persisted(0); // even if the database holds nothing
    assertFalse(
        WriteBehindPolicy.mustWrite(
            before, new RegistrationRules.Result(OK, List.of(), false, false), NOW));
  }

  @Test
  void changeRoutingChangedIsAlwaysWritten() {
    Binding b = binding("sip:a", NOW + 3_600_000);
    AorBindings before = persisted(NOW + 3_600_000, b);
    assertTrue(
        WriteBehindPolicy.mustWrite(
            before, new RegistrationRules.Result(OK, List.of(b), true, true), NOW));
  }

  @Test
  void refreshOfBindingsTheDatabaseDoesNotHoldIsWritten() {
    Binding b = binding("sip:a", NOW + 3_600_000);
    assertTrue(WriteBehindPolicy.mustWrite(persisted(0, b), refresh(b), NOW));
  }

  /**
   * New lifetime 3600 s: the refresh is written once the stored expiry has less than 1800 s left,
   * and not while it has 1800 s or more.
   */
  @Test
  void lifetimeOnlyRefreshIsWrittenOnlyWhenLessThanHalfTheNewLifetimeIsStored() {
    Binding fresh = binding("sip:a", NOW + 3_600_000);
    AorBindings plenty = persisted(NOW + 1_800_000, binding("sip:a", NOW + 1_800_000));
    AorBindings short1 = persisted(NOW + 1_799_999, binding("sip:a", NOW + 1_799_999));
    AorBindings expired = persisted(NOW - 1, binding("sip:a", NOW - 1));

    assertFalse(WriteBehindPolicy.mustWrite(plenty, refresh(fresh), NOW));
    assertTrue(WriteBehindPolicy.mustWrite(short1, refresh(fresh), NOW));
    assertTrue(WriteBehindPolicy.mustWrite(expired, refresh(fresh), NOW));
  }

  /** The earliest binding of the address decides, not the one that was refreshed. */
  @Test
  void earliestBindingAfterTheRefreshDecides() {
    Binding longOne = binding("sip:a", NOW + 3_600_000);
    Binding shortOne = binding("sip:b", NOW + 120_000);
    // Stored earliest 100 s away; new earliest 120 s away: 100 >= 60, so no write.
    AorBindings before = persisted(NOW + 100_000, longOne, shortOne);
    assertFalse(WriteBehindPolicy.mustWrite(before, refresh(longOne, shortOne), NOW));
    // Stored earliest 50 s away: less than half of 120 s, so write.
    AorBindings shorter = persisted(NOW + 50_000, longOne, shortOne);
    assertTrue(WriteBehindPolicy.mustWrite(shorter, refresh(longOne, shortOne), NOW));
  }
}
