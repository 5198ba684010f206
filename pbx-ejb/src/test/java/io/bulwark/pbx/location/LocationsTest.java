package io.bulwark.pbx.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.location.RegisterRequest.ContactExpiry;
import io.bulwark.pbx.location.RegistrationOutcome.Accepted;
import io.bulwark.pbx.location.RegistrationOutcome.CurrentBinding;
import io.bulwark.pbx.testing.MutableClock;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocationsTest {

  /** Room for every device the tests register, as an extension allowing ten would have. */
  private static final int DEVICES = 10;

  private static final Instant START = Instant.parse("2025-01-01T10:00:00Z");
  private static final String AOR = "201";
  private static final String DESK = "sip:201@192.0.2.10:5060";
  private static final String MOBILE = "sip:201@198.51.100.7:5062;transport=tcp";

  private MutableClock clock;
  private Locations locations;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(START);
    locations = newLocations(clock);
  }

  private static Locations newLocations(Clock clock) {
    return new Locations(
        new ConcurrentMapLocationStore(),
        new RegistrationRules(RegistrationPolicy.STANDARD),
        clock);
  }

  // --- helpers ---

  private static RegisterRequest request(
      String aor, String callId, long cseq, int port, int expires, String... contacts) {
    List<ContactExpiry> list = new ArrayList<>();
    for (String c : contacts) {
      list.add(new ContactExpiry(c, expires));
    }
    return new RegisterRequest(
        aor, list, false, null, callId, cseq, "192.0.2.10", port, "UDP", "TestPhone/1.0");
  }

  private static RegisterRequest request(long cseq, int expires, String... contacts) {
    return request(AOR, "call-1", cseq, 5060, expires, contacts);
  }

  private List<CurrentBinding> register(RegisterRequest request) {
    return assertInstanceOf(Accepted.class, locations.register(request, DEVICES)).bindings();
  }

  private List<String> uris(String aor) {
    return locations.bindings(aor).stream().map(Binding::contactUri).toList();
  }

  /** Takes and acknowledges everything dirty, as a successful flush does. */
  private List<Locations.Pending> flush() {
    List<Locations.Pending> taken = locations.takeDirty(Integer.MAX_VALUE);
    locations.written(taken);
    return taken;
  }

  /**
   * Entries of the private expiry schedule. Read by reflection: Locations has no accessor for it,
   * and the number of entries per address is exactly what the test is about.
   */
  private static int scheduleEntries(Locations locations) throws ReflectiveOperationException {
    Field field = Locations.class.getDeclaredField("expiry");
    field.setAccessible(true);
    return ((ExpirySchedule) field.get(locations)).entries();
  }

  // --- register, lookup, expiry ---

  @Test
  void registeredBindingsAreFoundUntilTheyExpire() {
    register(request(1, 60, DESK));
    register(request(2, 600, MOBILE));

    assertEquals(List.of(DESK, MOBILE), uris(AOR));
    assertEquals(List.of(), locations.bindings("202"));

    clock.advance(Duration.ofSeconds(60).minusMillis(1));
    assertEquals(List.of(DESK, MOBILE), uris(AOR));
    clock.advance(Duration.ofMillis(1));
    // Gone for routing at once, before any sweep ran.
    assertEquals(List.of(MOBILE), uris(AOR));
    Map<String, List<Binding>> seen = new HashMap<>();
    locations.forEachActive(seen::put);
    assertEquals(List.of(MOBILE), seen.get(AOR).stream().map(Binding::contactUri).toList());
  }

  @Test
  void expireDueDropsExpiredBindingsAndKeepsTheAddressScheduledAtItsNextExpiry()
      throws ReflectiveOperationException {
    register(request(1, 60, DESK));
    register(request(2, 600, MOBILE));
    assertEquals(1, scheduleEntries(locations));

    clock.advanceSeconds(59);
    assertEquals(0, locations.expireDue(), "nothing is due yet");

    clock.advanceSeconds(1);
    assertEquals(1, locations.expireDue());
    assertEquals(List.of(MOBILE), uris(AOR));
    assertEquals(1, locations.addressCount());
    assertEquals(1, scheduleEntries(locations), "rescheduled at MOBILE's expiry");

    clock.advanceSeconds(539);
    assertEquals(0, locations.expireDue());
    clock.advanceSeconds(1);
    assertEquals(1, locations.expireDue());
    assertEquals(0, locations.addressCount());
    assertEquals(0, scheduleEntries(locations));
  }

  @Test
  void shorterBindingMovesTheScheduleEarlier() {
    register(request(1, 3600, DESK));
    register(request(2, 60, MOBILE));

    clock.advanceSeconds(60);

    assertEquals(1, locations.expireDue(), "MOBILE must not wait for DESK's hour");
    assertEquals(List.of(DESK), uris(AOR));
  }

  /**
   * A phone refreshing every minute for a day moves its expiry later 1440 times. Scheduling each
   * refresh would leave ~60 entries per address (one per minute of the hour lifetime); the schedule
   * must keep about one.
   */
  @Test
  void frequentRefreshesKeepAboutOneScheduleEntryPerAddress() throws ReflectiveOperationException {
    int addresses = 100;
    long cseq = 0;
    for (int minute = 0; minute < 24 * 60; minute++) {
      cseq++;
      for (int a = 0; a < addresses; a++) {
        String aor = "1" + a;
        register(request(aor, "call-" + aor, cseq, 5060, 3600, "sip:" + aor + "@192.0.2.10"));
      }
      assertEquals(0, locations.expireDue(), "a refreshed binding never expires");
      assertTrue(
          scheduleEntries(locations) <= addresses,
          "minute " + minute + ": " + scheduleEntries(locations) + " entries");
      clock.advanceSeconds(60);
    }
    assertEquals(addresses, locations.addressCount());
    assertEquals(addresses, scheduleEntries(locations));
  }

  // --- write-behind ---

  @Test
  void manyRegistersOfOneAddressAreOnePending() {
    for (int i = 1; i <= 100; i++) {
      // Each from a new source port: a move, which must be written.
      register(request(AOR, "call-1", i, 5000 + i, 3600, DESK));
    }
    assertEquals(1, locations.dirtyCount());

    List<Locations.Pending> taken = locations.takeDirty(10);

    assertEquals(1, taken.size());
    assertEquals(AOR, taken.get(0).aor());
    assertEquals(5100, taken.get(0).snapshot().bindings().get(0).sourcePort(), "the latest");
    assertEquals(0, locations.dirtyCount());
  }

  @Test
  void onlyALostContactMakesTheWriteReplaceTheRows() {
    register(request(1, 3600, DESK, MOBILE));
    assertFalse(flush().get(0).lostContacts(), "added contacts are upserted");

    register(request(AOR, "call-1", 2, 5062, 3600, DESK)); // moved: written, nothing lost
    assertFalse(flush().get(0).lostContacts());

    register(request(3, 0, MOBILE)); // removed: its row must go
    List<Locations.Pending> taken = locations.takeDirty(10);
    assertTrue(taken.get(0).lostContacts());

    locations.retry(taken);
    assertTrue(locations.takeDirty(10).get(0).lostContacts(), "kept when the write is retried");
  }

  @Test
  void aNewCallIdToTheSameContactIsARefreshNotAWrite() {
    register(request(AOR, "call-1", 1, 5060, 3600, DESK));
    flush();
    clock.advanceSeconds(60);

    register(request(AOR, "call-2", 1, 5060, 3600, DESK)); // a phone that restarted

    assertEquals(0, locations.dirtyCount(), "written with the next lifetime write");
  }

  @Test
  void takeDirtyTakesAtMostMax() {
    for (int a = 0; a < 5; a++) {
      register(request("1" + a, "c", 1, 5060, 3600, "sip:x@192.0.2.1"));
    }
    assertEquals(2, locations.takeDirty(2).size());
    assertEquals(3, locations.dirtyCount());
  }

  @Test
  void writtenClearsAndALifetimeOnlyRefreshRightAfterIsNotDirty() {
    register(request(1, 3600, DESK));
    assertEquals(1, flush().size());
    assertEquals(0, locations.dirtyCount());

    clock.advanceSeconds(60);
    register(request(2, 3600, DESK));

    assertEquals(0, locations.dirtyCount(), "3540 s stored, more than half of 3600");
  }

  @Test
  void aChangeAfterTakeDirtyKeepsTheAddressDirty() {
    register(request(1, 3600, DESK));
    List<Locations.Pending> taken = locations.takeDirty(10);

    register(request(2, 3600, DESK, MOBILE)); // while the flush writes the old snapshot
    locations.written(taken);

    assertEquals(1, locations.dirtyCount());
    List<Locations.Pending> next = locations.takeDirty(10);
    assertEquals(2, next.get(0).snapshot().bindings().size());
  }

  @Test
  void retryGivesBackWhatCouldNotBeWritten() {
    register(request(1, 3600, DESK));
    List<Locations.Pending> taken = locations.takeDirty(10);
    assertEquals(0, locations.dirtyCount());

    locations.retry(taken);

    assertEquals(1, locations.dirtyCount());
  }

  @Test
  void lifetimeOnlyRefreshBecomesDirtyOnceLessThanHalfTheLifetimeIsStored() {
    register(request(1, 3600, DESK));
    flush(); // stored expiry: START + 3600 s

    long cseq = 1;
    for (int second = 60; second <= 1800; second += 60) {
      clock.advanceSeconds(60);
      register(request(++cseq, 3600, DESK));
      assertEquals(0, locations.dirtyCount(), "at " + second + " s");
    }
    clock.advanceSeconds(60); // 1860 s: 1740 s stored < 1800 s
    register(request(++cseq, 3600, DESK));
    assertEquals(1, locations.dirtyCount());

    flush();
    clock.advanceSeconds(60);
    register(request(++cseq, 3600, DESK));
    assertEquals(0, locations.dirtyCount(), "written at 1860 s: 3540 s stored again");
  }

  /**
   * A lifetime-only refresh between takeDirty and written leaves the address clean, so written()
   * must still record what the database now holds (the snapshot's earliest expiry). Otherwise the
   * address keeps the expiry of an older write: here DESK's hour, while the database holds a MOBILE
   * binding of 60 s that the half-life rule would never rewrite within that hour.
   */
  @Test
  void writtenRecordsTheSnapshotEvenWhenALifetimeRefreshCameInBetween() {
    register(request(AOR, "desk", 1, 5060, 3600, DESK));
    flush(); // stored expiry: START + 3600 s

    register(request(AOR, "mobile", 1, 5062, 60, MOBILE)); // new binding: dirty
    List<Locations.Pending> taken = locations.takeDirty(10); // snapshot: MOBILE until +60 s
    clock.advanceSeconds(1);
    register(request(AOR, "desk", 2, 5060, 3600, DESK)); // lifetime only, not dirty
    locations.written(taken);
    assertEquals(0, locations.dirtyCount());

    clock.advanceSeconds(39); // MOBILE refreshes; the database's MOBILE has 20 s < 30 s left
    register(request(AOR, "mobile", 2, 5062, 60, MOBILE));

    assertEquals(1, locations.dirtyCount());
  }

  @Test
  void forgetRemovesAtOnceAndMarksDirty() {
    register(request(1, 3600, DESK));
    flush();

    locations.forget(AOR);

    assertEquals(List.of(), locations.bindings(AOR));
    assertEquals(0, locations.addressCount());
    assertEquals(1, locations.dirtyCount());
    List<Locations.Pending> taken = locations.takeDirty(10);
    assertTrue(taken.get(0).snapshot().isEmpty(), "the flush deletes the rows");
  }

  @Test
  void restoredBindingsCountAsWrittenAndExpireOnSchedule() {
    long now = clock.millis();
    Binding desk =
        new Binding(
            DESK, now + 3_600_000, "call-1", 7, "192.0.2.10", 5060, "UDP", "TestPhone/1.0", now);

    locations.restore(AOR, List.of(desk));

    assertEquals(0, locations.dirtyCount());
    assertEquals(List.of(desk), locations.bindings(AOR));

    clock.advanceSeconds(60);
    register(request(8, 3600, DESK));
    assertEquals(0, locations.dirtyCount(), "the database holds 3540 s: no write needed");
    // The restored CSeq counts for ordering.
    assertInstanceOf(
        RegistrationOutcome.Rejected.class, locations.register(request(6, 3600, DESK), DEVICES));

    clock.advanceSeconds(3600);
    assertEquals(1, locations.expireDue(), "restored bindings are scheduled too");
    assertEquals(0, locations.addressCount());
  }

  @Test
  void refusedRegisterChangesNothing() {
    register(request(5, 3600, DESK));
    flush();

    assertInstanceOf(
        RegistrationOutcome.Rejected.class,
        locations.register(request(4, 3600, MOBILE, DESK), DEVICES));

    assertEquals(List.of(DESK), uris(AOR));
    assertEquals(0, locations.dirtyCount());
  }

  // --- concurrency ---

  /**
   * Eight SIP threads register 1,000 addresses, each thread with its own contact and Call-ID per
   * address and rising CSeqs. Per-address updates are atomic, so nothing is refused and every
   * address ends with exactly the eight contacts, each at its thread's last CSeq.
   */
  @Test
  void concurrentRegistersEndConsistent() throws Exception {
    Locations shared = newLocations(Clock.fixed(START, ZoneOffset.UTC));
    int threads = 8;
    int perThread = 10_000;
    int addresses = 1_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> refused = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        refused.add(
            pool.submit(
                () -> {
                  int bad = 0;
                  for (int i = 0; i < perThread; i++) {
                    String aor = Integer.toString(1000 + i % addresses);
                    RegisterRequest r =
                        request(
                            aor,
                            "t" + thread + "-" + aor,
                            i / addresses + 1,
                            5060 + thread,
                            3600,
                            "sip:" + aor + "@10.0.0." + thread);
                    if (!(shared.register(r, DEVICES) instanceof Accepted)) {
                      bad++;
                    }
                  }
                  return bad;
                }));
      }
      for (Future<Integer> f : refused) {
        assertEquals(0, f.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(addresses, shared.addressCount());
    long lastCseq = perThread / addresses;
    shared.forEachActive(
        (aor, bindings) -> {
          assertEquals(threads, bindings.size(), aor);
          for (Binding b : bindings) {
            assertEquals(lastCseq, b.cseq(), aor + " " + b);
          }
        });
    List<Locations.Pending> dirty = shared.takeDirty(Integer.MAX_VALUE);
    assertEquals(addresses, dirty.size(), "one pending per address, however many registers");
    assertTrue(scheduleEntries(shared) <= addresses);
  }
}
