package io.bulwark.pbx.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.location.RegisterRequest.ContactExpiry;
import io.bulwark.pbx.location.RegistrationOutcome.Accepted;
import io.bulwark.pbx.location.RegistrationOutcome.CurrentBinding;
import io.bulwark.pbx.location.RegistrationOutcome.IntervalTooBrief;
import io.bulwark.pbx.location.RegistrationOutcome.Rejected;
import io.bulwark.pbx.location.RegistrationOutcome.TooManyDevices;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules are a pure function of (bindings, request, time), so the test keeps the bindings and
 * the time itself, like {@link Locations} does, and feeds each result back into the next call.
 */
class RegistrationRulesTest {

  private static final long START = Instant.parse("2025-01-01T10:00:00Z").toEpochMilli();
  private static final String DESK = "sip:201@192.0.2.10:5060";
  private static final String MOBILE = "sip:201@198.51.100.7:5062;transport=tcp";
  private static final String CALL_ID = "a84b4c76e66710@pc33.example.com";

  /** Default 1800 differs from max 3600, so the tests can tell them apart. */
  private static final RegistrationPolicy POLICY = new RegistrationPolicy(60, 3600, 1800);

  private long now;
  private RegistrationRules rules;

  /** The extension's concurrent registrations: room for every device unless a test says. */
  private int maxDevices = 10;

  /** What the location store would hold after each request. */
  private List<Binding> store;

  @BeforeEach
  void setUp() {
    now = START;
    rules = new RegistrationRules(POLICY);
    store = List.of();
  }

  // --- helpers ---

  private static ContactExpiry contact(String uri) {
    return new ContactExpiry(uri, null);
  }

  private static ContactExpiry contact(String uri, int expires) {
    return new ContactExpiry(uri, expires);
  }

  private static RegisterRequest request(
      String callId, long cseq, Integer headerExpires, ContactExpiry... contacts) {
    return new RegisterRequest(
        "201",
        List.of(contacts),
        false,
        headerExpires,
        callId,
        cseq,
        "192.0.2.10",
        5060,
        "UDP",
        "TestPhone/1.0");
  }

  private static RegisterRequest wildcard(
      String callId, long cseq, Integer headerExpires, ContactExpiry... contacts) {
    return new RegisterRequest(
        "201",
        List.of(contacts),
        true,
        headerExpires,
        callId,
        cseq,
        "192.0.2.10",
        5060,
        "UDP",
        "TestPhone/1.0");
  }

  /** Applies a request and keeps what the result says the address holds now. */
  private RegistrationRules.Result register(RegisterRequest request) {
    List<Binding> before = store;
    RegistrationRules.Result result = rules.apply(before, request, maxDevices, now);
    if (!result.changed()) {
      // Locations keeps the old AorBindings instance then; the rules must hand back the same list.
      assertSame(before, result.bindings(), "an unchanged result must return the given bindings");
    }
    store = result.bindings();
    return result;
  }

  private void advanceSeconds(long seconds) {
    now += seconds * 1000;
  }

  private static List<CurrentBinding> accepted(RegistrationRules.Result result) {
    return assertInstanceOf(Accepted.class, result.outcome()).bindings();
  }

  private static void assertUnchanged(RegistrationRules.Result result) {
    assertFalse(result.changed(), "changed");
    assertFalse(result.routingChanged(), "routingChanged");
  }

  private static List<String> uris(List<Binding> bindings) {
    return bindings.stream().map(Binding::contactUri).toList();
  }

  private Binding stored(String uri) {
    return store.stream().filter(b -> b.contactUri().equals(uri)).findFirst().orElseThrow();
  }

  // --- adding ---

  @Test
  void newContactIsAddedWithTheRequestedLifetime() {
    RegistrationRules.Result result = register(request(CALL_ID, 1, 600, contact(DESK)));

    assertEquals(List.of(new CurrentBinding(DESK, 600)), accepted(result));
    assertTrue(result.changed());
    assertTrue(result.routingChanged(), "a new binding must reach the database");
    assertEquals(
        List.of(
            new Binding(
                DESK,
                START + 600_000,
                CALL_ID,
                1,
                "192.0.2.10",
                5060,
                "UDP",
                "TestPhone/1.0",
                START)),
        store);
  }

  @Test
  void lifetimeIsCappedAtMaxExpires() {
    RegistrationRules.Result result = register(request(CALL_ID, 1, 7200, contact(DESK)));

    assertEquals(List.of(new CurrentBinding(DESK, 3600)), accepted(result));
    assertEquals(START + 3_600_000, stored(DESK).expiresAtMillis());
  }

  @Test
  void contactParameterAboveMaxIsCappedToo() {
    RegistrationRules.Result result = register(request(CALL_ID, 1, null, contact(DESK, 86400)));

    assertEquals(List.of(new CurrentBinding(DESK, 3600)), accepted(result));
  }

  @Test
  void exactlyMaxAndExactlyMinAreGrantedAsRequested() {
    RegistrationRules.Result result =
        register(request(CALL_ID, 1, null, contact(DESK, 3600), contact(MOBILE, 60)));

    assertEquals(
        List.of(new CurrentBinding(DESK, 3600), new CurrentBinding(MOBILE, 60)), accepted(result));
  }

  @Test
  void defaultLifetimeAppliesWithoutContactParameterOrExpiresHeader() {
    RegistrationRules.Result result = register(request(CALL_ID, 1, null, contact(DESK)));

    assertEquals(List.of(new CurrentBinding(DESK, 1800)), accepted(result));
    assertEquals(START + 1_800_000, stored(DESK).expiresAtMillis());
  }

  @Test
  void contactParameterWinsOverExpiresHeader() {
    RegistrationRules.Result result =
        register(request(CALL_ID, 1, 3000, contact(DESK, 120), contact(MOBILE)));

    assertEquals(
        List.of(new CurrentBinding(DESK, 120), new CurrentBinding(MOBILE, 3000)), accepted(result));
  }

  @Test
  void userAgentIsTruncatedTo255Characters() {
    RegisterRequest request =
        new RegisterRequest(
            "201",
            List.of(contact(DESK)),
            false,
            600,
            CALL_ID,
            1,
            "192.0.2.10",
            5060,
            "UDP",
            "U".repeat(300));

    register(request);

    assertEquals("U".repeat(Binding.MAX_USER_AGENT), stored(DESK).userAgent());
    assertEquals(255, Binding.MAX_USER_AGENT);
  }

  // --- refreshing ---

  @Test
  void refreshWithHigherCseqSameCallIdKeepsOneBindingAndExtendsExpiry() {
    register(request(CALL_ID, 1, 600, contact(DESK)));
    advanceSeconds(300);

    RegistrationRules.Result result = register(request(CALL_ID, 2, 600, contact(DESK)));

    assertEquals(List.of(new CurrentBinding(DESK, 600)), accepted(result));
    assertTrue(result.changed());
    assertFalse(result.routingChanged(), "only the lifetime moved: no immediate write needed");
    assertEquals(1, store.size());
    assertEquals(START + 900_000, stored(DESK).expiresAtMillis());
    assertEquals(START + 300_000, stored(DESK).registeredAtMillis());
    assertEquals(2, stored(DESK).cseq());
  }

  @Test
  void refreshFromAnotherSourcePortIsAMove() {
    register(request(CALL_ID, 1, 600, contact(DESK)));
    RegisterRequest moved =
        new RegisterRequest(
            "201",
            List.of(contact(DESK)),
            false,
            600,
            CALL_ID,
            2,
            "192.0.2.10",
            40000,
            "UDP",
            "TestPhone/1.0");

    RegistrationRules.Result result = register(moved);

    assertTrue(result.changed());
    assertTrue(result.routingChanged(), "where to send calls changed: write at once");
    assertEquals(40000, stored(DESK).sourcePort());
  }

  /**
   * REGISTER is answered without a server transaction, so a UDP retransmission of the request that
   * made a binding reaches the rules: it gets the same 200 (with the time left now), and nothing is
   * touched, even if its content claims another lifetime.
   */
  @Test
  void retransmissionOfTheRequestThatMadeTheBindingIsAnsweredWithTheBindingsUnchanged() {
    register(request(CALL_ID, 5, 600, contact(DESK)));
    List<Binding> before = store;
    advanceSeconds(100);

    RegistrationRules.Result result = register(request(CALL_ID, 5, 3600, contact(DESK)));

    assertEquals(List.of(new CurrentBinding(DESK, 500)), accepted(result));
    assertUnchanged(result);
    assertSame(before, store);
    assertEquals(START + 600_000, stored(DESK).expiresAtMillis());
    assertEquals(START, stored(DESK).registeredAtMillis());
  }

  /**
   * Equal Call-ID and CSeq is only a retransmission for the bindings that request made. Here DESK
   * was made by CSeq 5 and MOBILE by CSeq 6: a request with CSeq 5 naming both is out of order for
   * MOBILE (RFC 3261 10.3 step 7) and is refused as a whole.
   */
  @Test
  void equalCseqIsStillRefusedWhenAnotherBindingWasMadeByALaterCseq() {
    register(request(CALL_ID, 5, 600, contact(DESK)));
    register(request(CALL_ID, 6, 600, contact(MOBILE)));
    List<Binding> before = store;

    RegistrationRules.Result result =
        register(request(CALL_ID, 5, 600, contact(DESK), contact(MOBILE)));

    assertInstanceOf(Rejected.class, result.outcome());
    assertUnchanged(result);
    assertSame(before, store);
  }

  /** A binding refreshed by CSeq 6: the request with CSeq 5 that made it is now out of order. */
  @Test
  void lateRetransmissionAfterARefreshIsRefused() {
    register(request(CALL_ID, 5, 600, contact(DESK)));
    register(request(CALL_ID, 6, 600, contact(DESK)));

    RegistrationRules.Result result = register(request(CALL_ID, 5, 600, contact(DESK)));

    assertInstanceOf(Rejected.class, result.outcome());
    assertUnchanged(result);
    assertEquals(6, stored(DESK).cseq());
  }

  /** An expired binding is gone: the same request again makes it afresh instead of echoing it. */
  @Test
  void retransmissionAfterTheBindingExpiredRegistersAgain() {
    register(request(CALL_ID, 5, 60, contact(DESK)));
    advanceSeconds(61);

    RegistrationRules.Result result = register(request(CALL_ID, 5, 60, contact(DESK)));

    assertEquals(List.of(new CurrentBinding(DESK, 60)), accepted(result));
    assertTrue(result.changed());
    assertEquals(START + 121_000, stored(DESK).expiresAtMillis());
  }

  @Test
  void sameCallIdWithLowerCseqIsRejectedAndNothingChanges() {
    register(request(CALL_ID, 5, 600, contact(DESK)));
    List<Binding> before = store;

    RegistrationRules.Result result =
        register(request(CALL_ID, 4, 3600, contact(MOBILE), contact(DESK)));

    Rejected rejected = assertInstanceOf(Rejected.class, result.outcome());
    // The reason becomes a SIP reason phrase; a client-chosen URI must not end up in it.
    assertFalse(rejected.reason().contains(DESK), rejected.reason());
    assertUnchanged(result);
    assertSame(before, store);
    assertEquals(List.of(DESK), uris(store));
    assertEquals(START + 600_000, stored(DESK).expiresAtMillis());
  }

  @Test
  void differentCallIdMayUpdateEvenWithLowerCseq() {
    register(request(CALL_ID, 10, 600, contact(DESK)));
    advanceSeconds(60);

    RegistrationRules.Result result = register(request("other-call-id", 1, 1200, contact(DESK)));

    assertEquals(List.of(new CurrentBinding(DESK, 1200)), accepted(result));
    assertTrue(result.changed());
    assertFalse(
        result.routingChanged(), "a new Call-ID to the same contact is a refresh, written lazily");
    assertEquals(1, store.size());
    assertEquals(START + (60 + 1200) * 1000L, stored(DESK).expiresAtMillis());

    // The binding now follows the new Call-ID: the old one's CSeq no longer matters ...
    assertInstanceOf(Accepted.class, register(request(CALL_ID, 2, 600, contact(DESK))).outcome());
    // ... the same request again is a retransmission, answered without a change ...
    RegistrationRules.Result again = register(request(CALL_ID, 2, 600, contact(DESK)));
    assertInstanceOf(Accepted.class, again.outcome());
    assertUnchanged(again);
    // ... and an older one is refused.
    RegistrationRules.Result older = register(request(CALL_ID, 1, 600, contact(DESK)));
    assertInstanceOf(Rejected.class, older.outcome());
    assertUnchanged(older);
  }

  // --- removing ---

  @Test
  void expiresZeroRemovesOnlyThatBinding() {
    register(request(CALL_ID, 1, 600, contact(DESK), contact(MOBILE)));

    RegistrationRules.Result result = register(request(CALL_ID, 2, null, contact(DESK, 0)));

    assertEquals(List.of(new CurrentBinding(MOBILE, 600)), accepted(result));
    assertTrue(result.changed());
    assertTrue(result.routingChanged());
    assertEquals(List.of(MOBILE), uris(store));
  }

  @Test
  void expiresHeaderZeroRemovesListedContacts() {
    register(request(CALL_ID, 1, 600, contact(DESK), contact(MOBILE)));

    RegistrationRules.Result result = register(request(CALL_ID, 2, 0, contact(MOBILE)));

    assertEquals(List.of(new CurrentBinding(DESK, 600)), accepted(result));
    assertTrue(result.routingChanged());
    assertEquals(List.of(DESK), uris(store));
  }

  @Test
  void expiresZeroForUnknownContactChangesNothing() {
    register(request(CALL_ID, 1, 600, contact(DESK)));
    List<Binding> before = store;

    RegistrationRules.Result result = register(request(CALL_ID, 2, null, contact(MOBILE, 0)));

    assertEquals(List.of(new CurrentBinding(DESK, 600)), accepted(result));
    // Result.changed is documented as "bindings differ from the ones given": they do not.
    assertUnchanged(result);
    assertEquals(before, store);
  }

  @Test
  void wildcardWithExpiresZeroRemovesAllBindings() {
    register(request(CALL_ID, 1, 600, contact(DESK)));
    register(request("phone-2", 1, 600, contact(MOBILE)));

    RegistrationRules.Result result = register(wildcard(CALL_ID, 2, 0));

    assertEquals(List.of(), accepted(result));
    assertTrue(result.changed());
    assertTrue(result.routingChanged());
    assertEquals(List.of(), store);
  }

  @Test
  void wildcardWithoutBindingsChangesNothing() {
    RegistrationRules.Result result = register(wildcard(CALL_ID, 1, 0));

    assertEquals(List.of(), accepted(result));
    assertUnchanged(result);
  }

  @Test
  void wildcardWithoutExpiresIsRejected() {
    register(request(CALL_ID, 1, 600, contact(DESK)));

    RegistrationRules.Result result = register(wildcard(CALL_ID, 2, null));

    assertInstanceOf(Rejected.class, result.outcome());
    assertUnchanged(result);
    assertEquals(List.of(DESK), uris(store));
  }

  @Test
  void wildcardWithNonZeroExpiresIsRejected() {
    register(request(CALL_ID, 1, 600, contact(DESK)));

    RegistrationRules.Result result = register(wildcard(CALL_ID, 2, 3600));

    assertInstanceOf(Rejected.class, result.outcome());
    assertUnchanged(result);
    assertEquals(List.of(DESK), uris(store));
  }

  @Test
  void wildcardWithOtherContactsIsRejected() {
    register(request(CALL_ID, 1, 600, contact(DESK)));

    RegistrationRules.Result result = register(wildcard(CALL_ID, 2, 0, contact(MOBILE)));

    assertInstanceOf(Rejected.class, result.outcome());
    assertUnchanged(result);
    assertEquals(List.of(DESK), uris(store));
  }

  /** A wildcard is never a retransmission of a binding-making request: equal CSeq is refused. */
  @Test
  void wildcardOutOfOrderIsRejected() {
    register(request(CALL_ID, 7, 600, contact(DESK)));

    RegistrationRules.Result result = register(wildcard(CALL_ID, 7, 0));

    assertInstanceOf(Rejected.class, result.outcome());
    assertUnchanged(result);
    assertEquals(List.of(DESK), uris(store));
  }

  // --- interval too brief, negative, oversized ---

  @Test
  void expiresBelowMinimumIsIntervalTooBriefAndNothingChanges() {
    register(request(CALL_ID, 1, 600, contact(DESK)));
    List<Binding> before = store;

    RegistrationRules.Result result =
        register(request(CALL_ID, 2, 600, contact(MOBILE), contact(DESK, 59)));

    assertEquals(new IntervalTooBrief(60), result.outcome());
    assertUnchanged(result);
    assertSame(before, store);
    assertEquals(START + 600_000, stored(DESK).expiresAtMillis());
  }

  @Test
  void expiresHeaderOfOneSecondIsIntervalTooBrief() {
    RegistrationRules.Result result = register(request(CALL_ID, 1, 1, contact(DESK)));

    assertEquals(new IntervalTooBrief(60), result.outcome());
    assertUnchanged(result);
    assertEquals(List.of(), store);
  }

  @Test
  void negativeExpiresIsRejected() {
    RegistrationRules.Result result = register(request(CALL_ID, 1, null, contact(DESK, -1)));

    assertInstanceOf(Rejected.class, result.outcome());
    assertUnchanged(result);
    assertEquals(List.of(), store);
  }

  @Test
  void oversizedContactOrCallIdIsRejectedAndChangesNothing() {
    String longUri = "sip:201@192.0.2.10;x=" + "a".repeat(Binding.MAX_CONTACT_URI);
    RegistrationRules.Result tooLongContact = register(request(CALL_ID, 1, 300, contact(longUri)));
    RegistrationRules.Result tooLongCallId =
        register(
            request("c".repeat(Binding.MAX_CALL_ID + 1), 1, 300, contact("sip:201@192.0.2.10")));

    assertInstanceOf(Rejected.class, tooLongContact.outcome());
    assertInstanceOf(Rejected.class, tooLongCallId.outcome());
    assertUnchanged(tooLongContact);
    assertUnchanged(tooLongCallId);
    assertTrue(store.isEmpty());
  }

  // --- expiry and queries ---

  @Test
  void expiredBindingsAreDropped() {
    register(request(CALL_ID, 1, null, contact(DESK, 60), contact(MOBILE, 600)));
    advanceSeconds(60); // DESK expires exactly now

    RegistrationRules.Result result = register(request(CALL_ID, 2, null));

    assertEquals(List.of(new CurrentBinding(MOBILE, 540)), accepted(result));
    assertTrue(result.changed());
    assertTrue(result.routingChanged(), "a binding went away: the database must learn it");
    assertEquals(List.of(MOBILE), uris(store));
  }

  @Test
  void bindingIsStillReportedOneMillisecondBeforeExpiry() {
    register(request(CALL_ID, 1, null, contact(DESK, 60)));
    now += 60_000 - 1;

    RegistrationRules.Result result = register(request(CALL_ID, 2, null));

    assertEquals(List.of(new CurrentBinding(DESK, 1)), accepted(result));
    assertUnchanged(result);
    assertEquals(List.of(DESK), uris(store));
  }

  @Test
  void reRegisteringAnExpiredContactCreatesAFreshBinding() {
    register(request(CALL_ID, 1, 60, contact(DESK)));
    advanceSeconds(120);

    RegistrationRules.Result result = register(request(CALL_ID, 2, 600, contact(DESK)));

    assertEquals(List.of(new CurrentBinding(DESK, 600)), accepted(result));
    assertTrue(result.routingChanged(), "the expired binding was dropped and a new one added");
    assertEquals(List.of(DESK), uris(store));
    assertEquals(START + 720_000, stored(DESK).expiresAtMillis());
    assertEquals(START + 120_000, stored(DESK).registeredAtMillis());
  }

  @Test
  void queryListsCurrentBindingsWithDecreasingSecondsLeft() {
    register(request(CALL_ID, 1, null, contact(DESK, 600), contact(MOBILE, 3600)));
    List<Binding> before = store;

    advanceSeconds(100);
    RegistrationRules.Result first = register(request(CALL_ID, 2, null));
    assertEquals(
        List.of(new CurrentBinding(DESK, 500), new CurrentBinding(MOBILE, 3500)), accepted(first));
    assertUnchanged(first);

    now += 250_500; // 350.5 s in: seconds left round up
    RegistrationRules.Result second = register(request(CALL_ID, 3, null));
    assertEquals(
        List.of(new CurrentBinding(DESK, 250), new CurrentBinding(MOBILE, 3250)), accepted(second));
    assertUnchanged(second);

    // A query never changes the bindings.
    assertSame(before, store);
    assertEquals(START + 600_000, stored(DESK).expiresAtMillis());
    assertEquals(START + 3_600_000, stored(MOBILE).expiresAtMillis());
  }

  @Test
  void queryWithoutBindingsIsAcceptedAndEmpty() {
    RegistrationRules.Result result = register(request(CALL_ID, 1, null));

    assertEquals(List.of(), accepted(result));
    assertUnchanged(result);
  }

  // --- policy ---

  @Test
  void standardPolicyIsSixtyToOneHour() {
    assertEquals(new RegistrationPolicy(60, 3600, 3600), RegistrationPolicy.STANDARD);
  }

  @Test
  void standardPolicyGrantsAnHourByDefault() {
    rules = new RegistrationRules(RegistrationPolicy.STANDARD);

    RegistrationRules.Result result = register(request(CALL_ID, 1, null, contact(DESK)));

    assertEquals(List.of(new CurrentBinding(DESK, 3600)), accepted(result));
    assertSame(RegistrationPolicy.STANDARD, rules.policy());
  }

  @Test
  void inconsistentPolicyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RegistrationPolicy(0, 3600, 3600));
    assertThrows(IllegalArgumentException.class, () -> new RegistrationPolicy(60, 59, 60));
    assertThrows(IllegalArgumentException.class, () -> new RegistrationPolicy(60, 3600, 59));
  }

  // --- concurrent registrations ---

  private static RegisterRequest from(String source, String callId, ContactExpiry... contacts) {
    return new RegisterRequest(
        "201", List.of(contacts), false, 600, callId, 1, source, 5060, "UDP", "TestPhone/1.0");
  }

  @Test
  void atTheLimitADeviceAtAnotherAddressIsRefusedAndNothingChanges() {
    maxDevices = 1;
    register(from("192.0.2.10", "desk-1", contact(DESK)));
    List<Binding> before = store;

    RegistrationRules.Result result = register(from("198.51.100.7", "thief-1", contact(MOBILE)));

    assertEquals(new TooManyDevices(1), result.outcome());
    assertUnchanged(result);
    assertSame(before, store);
  }

  @Test
  void atTheLimitTheSameAddressWithANewContactReplacesItsOldestBinding() {
    maxDevices = 2;
    String restarted = "sip:201@192.0.2.10:5070";
    register(from("192.0.2.10", "desk-1", contact(DESK)));
    advanceSeconds(1);
    register(from("198.51.100.7", "mobile-1", contact(MOBILE)));
    advanceSeconds(1);

    RegistrationRules.Result result = register(from("192.0.2.10", "desk-2", contact(restarted)));

    assertTrue(result.routingChanged(), "the replaced binding must leave the database too");
    assertEquals(List.of(MOBILE, restarted), uris(store));
    assertEquals(
        new TooManyDevices(2),
        register(from("203.0.113.5", "x-1", contact("sip:201@203.0.113.5"))).outcome());
  }

  @Test
  void refreshesAndRemovalsAtTheLimitAreNotRefused() {
    maxDevices = 1;
    register(from("192.0.2.10", "desk-1", contact(DESK)));

    assertEquals(
        List.of(new CurrentBinding(DESK, 600)),
        accepted(register(from("192.0.2.10", "desk-1b", contact(DESK)))));
    assertEquals(List.of(), accepted(register(from("198.51.100.7", "off-1", contact(DESK, 0)))));
    assertEquals(
        List.of(new CurrentBinding(MOBILE, 600)),
        accepted(register(from("198.51.100.7", "mobile-1", contact(MOBILE)))),
        "a freed place is free for anyone");
  }

  @Test
  void oneRequestWithMoreContactsThanTheLimitIsRefused() {
    maxDevices = 1;

    RegistrationRules.Result result =
        register(from("192.0.2.10", "two-1", contact(DESK), contact("sip:201@192.0.2.10:5070")));

    assertEquals(new TooManyDevices(1), result.outcome());
    assertEquals(List.of(), store);
  }

  @Test
  void anExpiredBindingTakesNoPlace() {
    maxDevices = 1;
    register(from("192.0.2.10", "desk-1", contact(DESK)));
    advanceSeconds(601);

    assertEquals(
        List.of(new CurrentBinding(MOBILE, 600)),
        accepted(register(from("198.51.100.7", "mobile-1", contact(MOBILE)))));
  }
}
