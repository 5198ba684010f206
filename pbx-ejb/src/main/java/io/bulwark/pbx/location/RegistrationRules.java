package io.bulwark.pbx.location;

import io.bulwark.pbx.location.RegistrationOutcome.Accepted;
import io.bulwark.pbx.location.RegistrationOutcome.CurrentBinding;
import io.bulwark.pbx.location.RegistrationOutcome.IntervalTooBrief;
import io.bulwark.pbx.location.RegistrationOutcome.Rejected;
import io.bulwark.pbx.location.RegistrationOutcome.TooManyDevices;
import java.util.ArrayList;
import java.util.List;

/**
 * How an authenticated REGISTER changes an address of record's bindings (RFC 3261 section 10.3,
 * steps 6 to 8). A pure function of the current bindings, the request, the extension's device limit
 * and the time: nothing changes unless the whole request is acceptable.
 *
 * <p>At the device limit (the extension's concurrent registrations), a new contact takes the place
 * of the oldest binding registered from the same source address: that is the same phone after a
 * restart or a new NAT port. A contact from any other address is refused, so that a stolen password
 * cannot push the extension's own phone out.
 */
public final class RegistrationRules {

  private final RegistrationPolicy policy;

  public RegistrationRules(RegistrationPolicy policy) {
    this.policy = policy;
  }

  public RegistrationPolicy policy() {
    return policy;
  }

  /**
   * The outcome and the bindings the address holds afterwards.
   *
   * @param changed whether {@code bindings} differ from the ones the rules were given
   * @param routingChanged whether a binding was added or removed or now reaches its phone another
   *     way ({@link Binding#routesDifferentlyFrom}), which the database must learn at once
   */
  public record Result(
      RegistrationOutcome outcome,
      List<Binding> bindings,
      boolean changed,
      boolean routingChanged) {

    static Result unchanged(RegistrationOutcome outcome, List<Binding> bindings) {
      return new Result(outcome, bindings, false, false);
    }
  }

  public Result apply(List<Binding> existing, RegisterRequest request, int maxDevices, long now) {
    if (request.callId().length() > Binding.MAX_CALL_ID) {
      return Result.unchanged(
          new Rejected("Call-ID longer than " + Binding.MAX_CALL_ID + " characters"), existing);
    }
    if (request.wildcard()) {
      return removeAll(existing, request, now);
    }
    boolean retransmission = !request.contacts().isEmpty();
    for (var contact : request.contacts()) {
      if (contact.uri().length() > Binding.MAX_CONTACT_URI) {
        return Result.unchanged(
            new Rejected("Contact URI longer than " + Binding.MAX_CONTACT_URI + " characters"),
            existing);
      }
      int requested = policy.requested(contact, request.requestExpires());
      if (requested < 0) {
        return Result.unchanged(new Rejected("Negative expires value"), existing);
      }
      if (requested > 0 && requested < policy.minExpires()) {
        return Result.unchanged(new IntervalTooBrief(policy.minExpires()), existing);
      }
      Binding binding = find(existing, contact.uri());
      boolean sameRequest = binding != null && binding.wasMadeBy(request.callId(), request.cseq());
      retransmission &= sameRequest && binding.isActive(now);
      if (binding != null
          && !sameRequest
          && !binding.acceptsUpdateFrom(request.callId(), request.cseq())) {
        return Result.unchanged(new Rejected("Out of order REGISTER"), existing);
      }
    }
    if (retransmission) {
      return Result.unchanged(accepted(existing, now), existing);
    }
    List<Binding> next = new ArrayList<>(existing.size() + request.contacts().size());
    for (Binding b : existing) {
      if (b.isActive(now)) {
        next.add(b);
      }
    }
    boolean routingChanged = next.size() != existing.size();
    boolean refreshed = false;
    for (var contact : request.contacts()) {
      int requested = policy.requested(contact, request.requestExpires());
      int at = indexOf(next, contact.uri());
      if (requested == 0) {
        if (at >= 0) {
          next.remove(at);
          routingChanged = true;
        }
        continue;
      }
      Binding fresh = Binding.of(request, contact.uri(), policy.granted(requested).toMillis(), now);
      if (at < 0) {
        next.add(fresh);
        routingChanged = true;
      } else {
        routingChanged |= next.get(at).routesDifferentlyFrom(fresh);
        refreshed = true;
        next.set(at, fresh);
      }
    }
    if (next.size() > maxDevices) {
      if (!makeRoom(next, request, maxDevices)) {
        return Result.unchanged(new TooManyDevices(maxDevices), existing);
      }
      routingChanged = true;
    }
    boolean changed = routingChanged || refreshed;
    return new Result(accepted(next, now), changed ? next : existing, changed, routingChanged);
  }

  private Result removeAll(List<Binding> existing, RegisterRequest request, long now) {
    if (!request.contacts().isEmpty()
        || request.requestExpires() == null
        || request.requestExpires() != 0) {
      return Result.unchanged(
          new Rejected("Contact: * needs Expires: 0 and must be the only Contact"), existing);
    }
    for (Binding binding : existing) {
      if (!binding.acceptsUpdateFrom(request.callId(), request.cseq())) {
        return Result.unchanged(new Rejected("Out of order REGISTER"), existing);
      }
    }
    boolean changed = !existing.isEmpty();
    return new Result(new Accepted(List.of()), List.of(), changed, changed);
  }

  /**
   * Drops the oldest bindings of the request's source address that the request does not name until
   * {@code bindings} fit {@code maxDevices}; whether they do.
   */
  private static boolean makeRoom(List<Binding> bindings, RegisterRequest request, int maxDevices) {
    while (bindings.size() > maxDevices) {
      Binding oldest = null;
      for (Binding b : bindings) {
        if (b.sourceAddress().equals(request.sourceAddress())
            && !request.names(b.contactUri())
            && (oldest == null || b.registeredAtMillis() < oldest.registeredAtMillis())) {
          oldest = b;
        }
      }
      if (oldest == null) {
        return false;
      }
      bindings.remove(oldest);
    }
    return true;
  }

  private static Accepted accepted(List<Binding> bindings, long now) {
    List<CurrentBinding> current = new ArrayList<>(bindings.size());
    for (Binding b : bindings) {
      if (b.isActive(now)) {
        current.add(new CurrentBinding(b.contactUri(), b.secondsLeft(now)));
      }
    }
    return new Accepted(current);
  }

  private static Binding find(List<Binding> bindings, String uri) {
    int at = indexOf(bindings, uri);
    return at < 0 ? null : bindings.get(at);
  }

  private static int indexOf(List<Binding> bindings, String uri) {
    for (int i = 0; i < bindings.size(); i++) {
      if (bindings.get(i).contactUri().equals(uri)) {
        return i;
      }
    }
    return -1;
  }
}
