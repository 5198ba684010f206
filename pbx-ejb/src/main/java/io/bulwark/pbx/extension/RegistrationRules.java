package io.bulwark.pbx.extension;

import io.bulwark.pbx.extension.RegistrationOutcome.Accepted;
import io.bulwark.pbx.extension.RegistrationOutcome.CurrentBinding;
import io.bulwark.pbx.extension.RegistrationOutcome.IntervalTooBrief;
import io.bulwark.pbx.extension.RegistrationOutcome.Rejected;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How an authenticated REGISTER changes an extension's bindings (RFC 3261 section 10.3, steps 6 to
 * 8). Nothing changes unless the whole request is acceptable.
 */
final class RegistrationRules {

  /** Column sizes of registration_binding. */
  static final int MAX_CONTACT_URI = 512;

  static final int MAX_CALL_ID = 255;

  private final RegistrationPolicy policy;
  private final Clock clock;

  RegistrationRules(RegistrationPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /** The outcome plus the bindings to insert and to delete; refreshed ones are changed in place. */
  record Result(
      RegistrationOutcome outcome,
      List<RegistrationBinding> added,
      List<RegistrationBinding> removed) {

    static Result refused(RegistrationOutcome outcome) {
      return new Result(outcome, List.of(), List.of());
    }
  }

  Result apply(Extension extension, List<RegistrationBinding> existing, RegisterRequest request) {
    Instant now = clock.instant();
    if (request.callId().length() > MAX_CALL_ID) {
      return Result.refused(new Rejected("Call-ID longer than " + MAX_CALL_ID + " characters"));
    }
    if (request.wildcard()) {
      return removeAll(existing, request);
    }
    for (var contact : request.contacts()) {
      if (contact.uri().length() > MAX_CONTACT_URI) {
        return Result.refused(
            new Rejected("Contact URI longer than " + MAX_CONTACT_URI + " characters"));
      }
      int requested = policy.requested(contact, request.requestExpires());
      if (requested < 0) {
        return Result.refused(new Rejected("Negative expires value"));
      }
      if (requested > 0 && requested < policy.minExpires()) {
        return Result.refused(new IntervalTooBrief(policy.minExpires()));
      }
      RegistrationBinding binding = find(existing, contact.uri());
      if (binding != null && !binding.acceptsUpdateFrom(request.callId(), request.cseq())) {
        return Result.refused(new Rejected("Out of order REGISTER for " + contact.uri()));
      }
    }

    List<RegistrationBinding> kept = new ArrayList<>();
    List<RegistrationBinding> removed = new ArrayList<>();
    for (RegistrationBinding binding : existing) {
      (binding.isActive(now) ? kept : removed).add(binding);
    }
    List<RegistrationBinding> added = new ArrayList<>();
    for (var contact : request.contacts()) {
      int requested = policy.requested(contact, request.requestExpires());
      RegistrationBinding binding = find(kept, contact.uri());
      if (binding == null) {
        binding = find(added, contact.uri());
      }
      if (requested == 0) {
        if (binding != null && kept.remove(binding)) {
          removed.add(binding);
        }
        added.remove(binding);
        continue;
      }
      if (binding == null) {
        binding = new RegistrationBinding(extension, contact.uri());
        added.add(binding);
      }
      binding.refresh(request, policy.granted(requested), now);
    }
    List<CurrentBinding> current = new ArrayList<>();
    for (RegistrationBinding b : kept) {
      current.add(new CurrentBinding(b.getContactUri(), b.secondsLeft(now)));
    }
    for (RegistrationBinding b : added) {
      current.add(new CurrentBinding(b.getContactUri(), b.secondsLeft(now)));
    }
    return new Result(new Accepted(current), added, removed);
  }

  private Result removeAll(List<RegistrationBinding> existing, RegisterRequest request) {
    if (!request.contacts().isEmpty()
        || request.requestExpires() == null
        || request.requestExpires() != 0) {
      return Result.refused(
          new Rejected("Contact: * needs Expires: 0 and must be the only Contact"));
    }
    for (RegistrationBinding binding : existing) {
      if (!binding.acceptsUpdateFrom(request.callId(), request.cseq())) {
        return Result.refused(new Rejected("Out of order REGISTER"));
      }
    }
    return new Result(new Accepted(List.of()), List.of(), List.copyOf(existing));
  }

  private static RegistrationBinding find(List<RegistrationBinding> bindings, String uri) {
    for (RegistrationBinding b : bindings) {
      if (b.getContactUri().equals(uri)) {
        return b;
      }
    }
    return null;
  }
}
