package io.bulwark.pbx.routing;

import io.bulwark.pbx.system.FieldViolation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A route's password as an administrator writes it: {@code mode} NONE, SINGLE (with {@code pin}) or
 * LIST (with {@code listId}); whether the list exists is the service's question.
 */
public record RoutePinDraft(String mode, String pin, Long listId) {

  public static final RoutePinDraft NONE = new RoutePinDraft("NONE", null, null);

  public RoutePinDraft {
    pin = pin == null || pin.isBlank() ? null : pin.strip();
  }

  Optional<PinMode> pinMode() {
    if (mode == null) {
      return Optional.of(PinMode.NONE);
    }
    for (PinMode m : PinMode.values()) {
      if (m.name().equals(mode.strip().toUpperCase(Locale.ROOT))) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  void violations(List<FieldViolation> found) {
    Optional<PinMode> parsed = pinMode();
    if (parsed.isEmpty()) {
      found.add(new FieldViolation("pinMode", "NONE, SINGLE or LIST"));
    } else if (parsed.get() == PinMode.SINGLE
        && (pin == null || !PinListDraft.PIN.matcher(pin).matches())) {
      found.add(new FieldViolation("pin", "A PIN of 3 to 12 digits"));
    } else if (parsed.get() == PinMode.LIST && listId == null) {
      found.add(new FieldViolation("pinListId", "Choose the PIN list"));
    }
  }
}
