package io.bulwark.pbx.web.api;

import io.bulwark.pbx.extension.Extension;
import io.bulwark.pbx.extension.ExtensionDraft;
import java.time.Instant;

/** JSON shapes of the extension API. The registration password is write-only. */
public final class ExtensionJson {

  private ExtensionJson() {}

  /** What the API returns. */
  public record View(
      long id,
      String number,
      String displayName,
      String registrationName,
      String email,
      Instant createdAt,
      Instant updatedAt,
      int version) {

    static View of(Extension e) {
      return new View(
          e.getId(),
          e.getNumber(),
          e.getDisplayName(),
          e.getRegistrationName(),
          e.getEmail(),
          e.getCreatedAt(),
          e.getUpdatedAt(),
          e.getVersion());
    }
  }

  /**
   * What the API accepts. On update a missing {@code secret} keeps the current one, and a {@code
   * version} (as read) refuses the update with 409 when someone changed the extension since.
   */
  public record Input(
      String number,
      String displayName,
      String registrationName,
      String secret,
      String email,
      Integer version) {

    ExtensionDraft draft() {
      return new ExtensionDraft(number, displayName, registrationName, secret, email);
    }
  }
}
