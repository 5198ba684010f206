package io.bulwark.pbx.location;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The location service (RFC 3261 section 10): answers REGISTER and "where is this extension?" from
 * memory, on the caller's thread, and tells the write-behind which addresses the database must
 * learn about. Plain Java so that the SIP stack threads call it without a container proxy, and so
 * that it is tested with a movable {@link Clock}.
 */
public final class Locations {

  /**
   * An address of record whose bindings are to be written, as they were when taken.
   *
   * @param lostContacts whether a contact was removed since the last write, so that the stored rows
   *     must be replaced rather than updated
   */
  public record Pending(String aor, AorBindings snapshot, boolean lostContacts) {}

  /**
   * Extension numbers in numeric order (shorter first, then digit by digit), as views list them.
   */
  public static final Comparator<String> BY_NUMBER =
      Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

  private final LocationStore store;
  private final RegistrationRules rules;
  private final Clock clock;
  private final ExpirySchedule expiry = new ExpirySchedule();
  private final Set<String> dirty = ConcurrentHashMap.newKeySet();
  private final Set<String> lostContacts = ConcurrentHashMap.newKeySet();

  public Locations(LocationStore store, RegistrationRules rules, Clock clock) {
    this.store = store;
    this.rules = rules;
    this.clock = clock;
  }

  public RegistrationPolicy policy() {
    return rules.policy();
  }

  /**
   * Applies an authenticated REGISTER for the extension {@code request.extensionNumber()}, which
   * may have at most {@code maxDevices} bindings.
   */
  public RegistrationOutcome register(RegisterRequest request, int maxDevices) {
    long now = clock.millis();
    String aor = request.extensionNumber();
    RegistrationRules.Result[] result = new RegistrationRules.Result[1];
    long[] earliestBefore = new long[1];
    boolean[] write = new boolean[1];
    boolean[] lost = new boolean[1];
    AorBindings after =
        store.update(
            aor,
            current -> {
              result[0] = rules.apply(current.bindings(), request, maxDevices, now);
              earliestBefore[0] = current.earliestExpiry();
              write[0] = WriteBehindPolicy.mustWrite(current, result[0], now);
              lost[0] = result[0].routingChanged() && lostAny(current, result[0].bindings(), now);
              return result[0].changed() ? current.withBindings(result[0].bindings()) : current;
            });
    if (lost[0]) {
      lostContacts.add(aor);
    }
    if (write[0]) {
      dirty.add(aor);
    }
    long earliestAfter = after.earliestExpiry();
    if (earliestAfter < earliestBefore[0]) {
      expiry.schedule(aor, earliestAfter);
    }
    return result[0].outcome();
  }

  /** Whether an active contact of {@code before} is missing from {@code after}. */
  private static boolean lostAny(AorBindings before, List<Binding> after, long now) {
    for (Binding b : before.active(now)) {
      if (after.stream().noneMatch(a -> a.contactUri().equals(b.contactUri()))) {
        return true;
      }
    }
    return false;
  }

  /** The active bindings of an extension: where a call to it goes. */
  public List<Binding> bindings(String aor) {
    return store.get(aor).active(clock.millis());
  }

  /** Every address with active bindings, for views; not for the per-message path. */
  public void forEachActive(BiConsumer<String, List<Binding>> action) {
    long now = clock.millis();
    store.forEach(
        (aor, bindings) -> {
          List<Binding> active = bindings.active(now);
          if (!active.isEmpty()) {
            action.accept(aor, active);
          }
        });
  }

  /** Drops the bindings that expired, for the addresses due now. */
  public int expireDue() {
    long now = clock.millis();
    int dropped = 0;
    for (String aor : expiry.takeDue(now)) {
      int[] gone = new int[1];
      AorBindings left =
          store.update(
              aor,
              current -> {
                List<Binding> active = current.active(now);
                gone[0] = current.bindings().size() - active.size();
                return gone[0] == 0 ? current : current.withBindings(active);
              });
      dropped += gone[0];
      if (!left.isEmpty()) {
        expiry.schedule(aor, left.earliestExpiry());
      }
    }
    return dropped;
  }

  /** Forgets an extension's bindings at once (the extension was deleted). */
  public void forget(String aor) {
    store.update(aor, current -> AorBindings.NONE);
    lostContacts.add(aor);
    dirty.add(aor);
  }

  /** Puts back bindings read from the database at start; they count as written. */
  public void restore(String aor, List<Binding> bindings) {
    AorBindings restored = new AorBindings(bindings, 0).written();
    store.update(aor, current -> restored);
    if (!restored.isEmpty()) {
      expiry.schedule(aor, restored.earliestExpiry());
    }
  }

  /** Takes up to {@code max} addresses whose bindings the database must learn. */
  public List<Pending> takeDirty(int max) {
    List<Pending> taken = new ArrayList<>(Math.min(max, dirty.size()));
    Iterator<String> it = dirty.iterator();
    while (taken.size() < max && it.hasNext()) {
      String aor = it.next();
      it.remove();
      taken.add(new Pending(aor, store.get(aor), lostContacts.remove(aor)));
    }
    return taken;
  }

  /** Records that {@code pending} reached the database, unless the bindings changed meanwhile. */
  public void written(List<Pending> pending) {
    for (Pending p : pending) {
      // The database holds the snapshot even if the bindings moved on since it was taken.
      long stored = p.snapshot().written().persistedExpiry();
      store.update(p.aor(), current -> new AorBindings(current.bindings(), stored));
    }
  }

  /** Gives back what could not be written, for the next flush. */
  public void retry(List<Pending> pending) {
    for (Pending p : pending) {
      if (p.lostContacts()) {
        lostContacts.add(p.aor());
      }
      dirty.add(p.aor());
    }
  }

  public int dirtyCount() {
    return dirty.size();
  }

  public int addressCount() {
    return store.size();
  }
}
