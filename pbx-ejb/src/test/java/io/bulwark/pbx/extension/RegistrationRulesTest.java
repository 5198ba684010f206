package io.bulwark.pbx.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.extension.RegisterRequest.ContactExpiry;
import io.bulwark.pbx.extension.RegistrationOutcome.Accepted;
import io.bulwark.pbx.extension.RegistrationOutcome.CurrentBinding;
import io.bulwark.pbx.extension.RegistrationOutcome.IntervalTooBrief;
import io.bulwark.pbx.extension.RegistrationOutcome.Rejected;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistrationRulesTest {

  private static final Instant START = Instant.parse("2025-01-01T10:00:00Z");
  private static final String DESK = "sip:201@192.0.2.10:5060";
  private static final String MOBILE = "sip:201@198.51.100.7:5062;transport=tcp";
  private static final String CALL_ID = "a84b4c76e66710@pc33.example.com";

  /** Default 1800 differs from max 3600, so the tests can tell them apart. */
  private static final RegistrationPolicy POLICY = new RegistrationPolicy(60, 3600, 1800);

  private MutableClock clock;
  private RegistrationRules rules;
  private Extension extension;

  /** What the database would hold: the caller applies added and removed. */
  private List<RegistrationBinding> store;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(START);
    rules = new RegistrationRules(POLICY, clock);
    extension =
        new Extension(
            new ExtensionDraft("201", "Alice", "alice", "Secret123", null), "v1:encrypted");
    store = new ArrayList<>();
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

  /** Applies a request and, like the service does, persists what the result says. */
  private RegistrationRules.Result register(RegisterRequest request) {
    RegistrationRules.Result result = rules.apply(extension, List.copyOf(store), request);
    store.removeAll(result.removed());
    store.addAll(result.added());
    return result;
  }

  private static List<CurrentBinding> accepted(RegistrationRules.Result result) {
    return assertInstanceOf(Accepted.class, result.outcome()).bindings();
  }

  private static void assertRefusedWithoutChanges(RegistrationRules.Result result) {
    assertEquals(List.of(), result.added());
    assertEquals(List.of(), result.removed());
  }

  private static List<String> uris(List<RegistrationBinding> bindings) {
    return bindings.stream().map(RegistrationBinding::getContactUri).toList();
  }

  // --- adding ---

  @Test
  void newContactIsAddedWithTheRequestedLifetime() {
    RegistrationRules.Result result = register(request(CALL_ID, 1, 600, contact(DESK)));

    assertEquals(List.of(new CurrentBinding(DESK, 600)), accepted(result));
    assertEquals(List.of(DESK), uris(result.added()));
    assertEquals(List.of(), result.removed());

    RegistrationBinding binding = result.added().get(0);
    assertSame(extension, binding.getExtension());
    assertEquals(START.plusSeconds(600), binding.getExpiresAt());
    assertEquals(START, binding.getRegisteredAt());
    assertEquals("192.0.2.10", binding.getSourceAddress());
    assertEquals(5060, binding.getSourcePort());
    assertEquals("UDP", binding.getTransport());
    assertEquals("TestPhone/1.0", binding.getUserAgent());
  }

  @Test
  void lifetimeIsCappedAtMaxExpires() {
    RegistrationRules.Result result = register(request(CALL_ID, 1, 7200, contact(DESK)));

    assertEquals(List.of(new CurrentBinding(DESK, 3600)), accepted(result));
    assertEquals(START.plusSeconds(3600), result.added().get(0).getExpiresAt());
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
    assertEquals(START.plusSeconds(1800), result.added().get(0).getExpiresAt());
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

    RegistrationRules.Result result = register(request);

    assertEquals("U".repeat(255), result.added().get(0).getUserAgent());
  }

  // --- refreshing ---

  @Test
  void refreshWithHigherCseqSameCallIdKeepsOneBindingAndExtendsExpiry() {
    register(request(CALL_ID, 1, 600, contact(DESK)));
    RegistrationBinding original = store.get(0);
    clock.advanceSeconds(300);

    RegistrationRules.Result result = register(request(CALL_ID, 2, 600, contact(DESK)));

    assertEquals(List.of(new CurrentBinding(DESK, 600)), accepted(result));
    assertEquals(List.of(), result.added());
    assertEquals(List.of(), result.removed());
    assertEquals(1, store.size());
    assertSame(original, store.get(0));
    assertEquals(START.plusSeconds(900), original.getExpiresAt());
    assertEquals(START.plusSeconds(300), original.getRegisteredAt());
  }

  @Test
  void sameCallIdWithEqualCseqIsRejectedAndNothingChanges() {
    register(request(CALL_ID, 5, 600, contact(DESK)));
    RegistrationBinding binding = store.get(0);
    clock.advanceSeconds(100);

    RegistrationRules.Result result = register(request(CALL_ID, 5, 3600, contact(DESK)));

    assertInstanceOf(Rejected.class, result.outcome());
    assertRefusedWithoutChanges(result);
    assertEquals(START.plusSeconds(600), binding.getExpiresAt());
    assertEquals(START, binding.getRegisteredAt());
  }

  @Test
  void sameCallIdWithLowerCseqIsRejectedAndNothingChanges() {
    register(request(CALL_ID, 5, 600, contact(DESK)));
    RegistrationBinding binding = store.get(0);

    RegistrationRules.Result result =
        register(request(CALL_ID, 4, 3600, contact(MOBILE), contact(DESK)));

    Rejected rejected = assertInstanceOf(Rejected.class, result.outcome());
    assertTrue(rejected.reason().contains(DESK), rejected.reason());
    assertRefusedWithoutChanges(result);
    assertEquals(List.of(DESK), uris(store));
    assertEquals(START.plusSeconds(600), binding.getExpiresAt());
  }

  @Test
  void differentCallIdMayUpdateEvenWithLowerCseq() {
    register(request(CALL_ID, 10, 600, contact(DESK)));
    clock.advanceSeconds(60);

    RegistrationRules.Result result = register(request("other-call-id", 1, 1200, contact(DESK)));

    assertEquals(List.of(new CurrentBinding(DESK, 1200)), accepted(result));
    assertEquals(List.of(), result.added());
    assertEquals(1, store.size());
    assertEquals(START.plusSeconds(60 + 1200), store.get(0).getExpiresAt());

    // The binding now follows the new Call-ID: the old one's CSeq no longer matters ...
    assertInstanceOf(Accepted.class, register(request(CALL_ID, 2, 600, contact(DESK))).outcome());
    // ... and a replay of the last request is refused.
    assertInstanceOf(Rejected.class, register(request(CALL_ID, 2, 600, contact(DESK))).outcome());
  }

  // --- removing ---

  @Test
  void expiresZeroRemovesOnlyThatBinding() {
    register(request(CALL_ID, 1, 600, contact(DESK), contact(MOBILE)));
    RegistrationBinding desk = store.get(0);

    RegistrationRules.Result result = register(request(CALL_ID, 2, null, contact(DESK, 0)));

    assertEquals(List.of(new CurrentBinding(MOBILE, 600)), accepted(result));
    assertEquals(List.of(), result.added());
    assertEquals(List.of(desk), result.removed());
    assertEquals(List.of(MOBILE), uris(store));
  }

  @Test
  void expiresHeaderZeroRemovesListedContacts() {
    register(request(CALL_ID, 1, 600, contact(DESK), contact(MOBILE)));

    RegistrationRules.Result result = register(request(CALL_ID, 2, 0, contact(MOBILE)));

    assertEquals(List.of(new CurrentBinding(DESK, 600)), accepted(result));
    assertEquals(List.of(MOBILE), uris(result.removed()));
  }

  @Test
  void expiresZeroForUnknownContactChangesNothing() {
    register(request(CALL_ID, 1, 600, contact(DESK)));

    RegistrationRules.Result result = register(request(CALL_ID, 2, null, contact(MOBILE, 0)));

    assertEquals(List.of(new CurrentBinding(DESK, 600)), accepted(result));
    assertEquals(List.of(), result.added());
    assertEquals(List.of(), result.removed());
  }

  @Test
  void wildcardWithExpiresZeroRemovesAllBindings() {
    register(request(CALL_ID, 1, 600, contact(DESK)));
    register(request("phone-2", 1, 600, contact(MOBILE)));
    List<RegistrationBinding> before = List.copyOf(store);

    RegistrationRules.Result result = register(wildcard(CALL_ID, 2, 0));

    assertEquals(List.of(), accepted(result));
    assertEquals(List.of(), result.added());
    assertEquals(before, result.removed());
    assertEquals(List.of(), store);
  }

  @Test
  void wildcardWithoutExpiresIsRejected() {
    register(request(CALL_ID, 1, 600, contact(DESK)));

    RegistrationRules.Result result = register(wildcard(CALL_ID, 2, null));

    assertInstanceOf(Rejected.class, result.outcome());
    assertRefusedWithoutChanges(result);
    assertEquals(List.of(DESK), uris(store));
  }

  @Test
  void wildcardWithNonZeroExpiresIsRejected() {
    register(request(CALL_ID, 1, 600, contact(DESK)));

    RegistrationRules.Result result = register(wildcard(CALL_ID, 2, 3600));

    assertInstanceOf(Rejected.class, result.outcome());
    assertRefusedWithoutChanges(result);
    assertEquals(List.of(DESK), uris(store));
  }

  @Test
  void wildcardWithOtherContactsIsRejected() {
    register(request(CALL_ID, 1, 600, contact(DESK)));

    RegistrationRules.Result result = register(wildcard(CALL_ID, 2, 0, contact(MOBILE)));

    assertInstanceOf(Rejected.class, result.outcome());
    assertRefusedWithoutChanges(result);
    assertEquals(List.of(DESK), uris(store));
  }

  @Test
  void wildcardOutOfOrderIsRejected() {
    register(request(CALL_ID, 7, 600, contact(DESK)));

    RegistrationRules.Result result = register(wildcard(CALL_ID, 7, 0));

    assertInstanceOf(Rejected.class, result.outcome());
    assertRefusedWithoutChanges(result);
    assertEquals(List.of(DESK), uris(store));
  }

  // --- interval too brief, negative ---

  @Test
  void expiresBelowMinimumIsIntervalTooBriefAndNothingChanges() {
    register(request(CALL_ID, 1, 600, contact(DESK)));
    RegistrationBinding desk = store.get(0);

    RegistrationRules.Result result =
        register(request(CALL_ID, 2, 600, contact(MOBILE), contact(DESK, 59)));

    assertEquals(new IntervalTooBrief(60), result.outcome());
    assertRefusedWithoutChanges(result);
    assertEquals(List.of(DESK), uris(store));
    assertEquals(START.plusSeconds(600), desk.getExpiresAt());
  }

  @Test
  void expiresHeaderOfOneSecondIsIntervalTooBrief() {
    RegistrationRules.Result result = register(request(CALL_ID, 1, 1, contact(DESK)));

    assertEquals(new IntervalTooBrief(60), result.outcome());
    assertRefusedWithoutChanges(result);
    assertEquals(List.of(), store);
  }

  @Test
  void negativeExpiresIsRejected() {
    RegistrationRules.Result result = register(request(CALL_ID, 1, null, contact(DESK, -1)));

    assertInstanceOf(Rejected.class, result.outcome());
    assertRefusedWithoutChanges(result);
  }

  // --- expiry and queries ---

  @Test
  void expiredBindingsAreDroppedAndReturnedAsRemoved() {
    register(request(CALL_ID, 1, null, contact(DESK, 60), contact(MOBILE, 600)));
    RegistrationBinding desk = store.get(0);
    clock.advanceSeconds(60); // DESK expires exactly now

    RegistrationRules.Result result = register(request(CALL_ID, 2, null));

    assertEquals(List.of(new CurrentBinding(MOBILE, 540)), accepted(result));
    assertEquals(List.of(desk), result.removed());
    assertEquals(List.of(), result.added());
    assertEquals(List.of(MOBILE), uris(store));
  }

  @Test
  void bindingIsStillReportedOneMillisecondBeforeExpiry() {
    register(request(CALL_ID, 1, null, contact(DESK, 60)));
    clock.advance(Duration.ofSeconds(60).minusMillis(1));

    RegistrationRules.Result result = register(request(CALL_ID, 2, null));

    assertEquals(List.of(new CurrentBinding(DESK, 1)), accepted(result));
    assertEquals(List.of(), result.removed());
  }

  @Test
  void reRegisteringAnExpiredContactCreatesAFreshBinding() {
    register(request(CALL_ID, 1, 60, contact(DESK)));
    RegistrationBinding stale = store.get(0);
    clock.advanceSeconds(120);

    RegistrationRules.Result result = register(request(CALL_ID, 2, 600, contact(DESK)));

    assertEquals(List.of(new CurrentBinding(DESK, 600)), accepted(result));
    assertEquals(List.of(stale), result.removed());
    assertEquals(1, result.added().size());
    assertEquals(START.plusSeconds(720), result.added().get(0).getExpiresAt());
    assertEquals(List.of(DESK), uris(store));
  }

  @Test
  void queryListsCurrentBindingsWithDecreasingSecondsLeft() {
    register(request(CALL_ID, 1, null, contact(DESK, 600), contact(MOBILE, 3600)));

    clock.advanceSeconds(100);
    RegistrationRules.Result first = register(request(CALL_ID, 2, null));
    assertEquals(
        List.of(new CurrentBinding(DESK, 500), new CurrentBinding(MOBILE, 3500)), accepted(first));
    assertEquals(List.of(), first.added());
    assertEquals(List.of(), first.removed());

    clock.advance(Duration.ofMillis(250_500)); // 350.5 s in: seconds left round up
    RegistrationRules.Result second = register(request(CALL_ID, 3, null));
    assertEquals(
        List.of(new CurrentBinding(DESK, 250), new CurrentBinding(MOBILE, 3250)), accepted(second));

    // A query never changes the bindings.
    assertEquals(START.plusSeconds(600), store.get(0).getExpiresAt());
    assertEquals(START.plusSeconds(3600), store.get(1).getExpiresAt());
  }

  @Test
  void queryWithoutBindingsIsAcceptedAndEmpty() {
    RegistrationRules.Result result = register(request(CALL_ID, 1, null));

    assertEquals(List.of(), accepted(result));
    assertRefusedWithoutChanges(result);
  }

  // --- policy ---

  @Test
  void standardPolicyIsSixtyToOneHour() {
    assertEquals(new RegistrationPolicy(60, 3600, 3600), RegistrationPolicy.STANDARD);
  }

  @Test
  void standardPolicyGrantsAnHourByDefault() {
    rules = new RegistrationRules(RegistrationPolicy.STANDARD, clock);

    RegistrationRules.Result result = register(request(CALL_ID, 1, null, contact(DESK)));

    assertEquals(List.of(new CurrentBinding(DESK, 3600)), accepted(result));
  }

  @Test
  void oversizedContactOrCallIdIsRejectedAndChangesNothing() {
    String longUri = "sip:201@192.0.2.10;x=" + "a".repeat(RegistrationRules.MAX_CONTACT_URI);
    RegistrationRules.Result tooLongContact = register(request(CALL_ID, 1, 300, contact(longUri)));
    RegistrationRules.Result tooLongCallId =
        register(
            request(
                "c".repeat(RegistrationRules.MAX_CALL_ID + 1),
                1,
                300,
                contact("sip:201@192.0.2.10")));

    assertTrue(tooLongContact.outcome() instanceof RegistrationOutcome.Rejected);
    assertTrue(tooLongCallId.outcome() instanceof RegistrationOutcome.Rejected);
    assertTrue(store.isEmpty());
  }
}
