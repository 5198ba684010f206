package io.bulwark.pbx.system;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** Input was refused; nothing was changed. The REST layer answers 400, the portal marks fields. */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

  private final transient List<FieldViolation> violations;

  public InvalidInputException(List<FieldViolation> violations) {
    super(violations.isEmpty() ? "Invalid input" : violations.get(0).message());
    this.violations = List.copyOf(violations);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldViolation(field, message)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
