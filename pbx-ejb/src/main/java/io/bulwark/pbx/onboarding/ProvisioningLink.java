package io.bulwark.pbx.onboarding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A one-time address a phone app fetches its configuration from, by its token's SHA-256: the
 * extension it configures, until when, and when it was used (it works once).
 */
@Entity
@Table(name = "provisioning_link")
public class ProvisioningLink {

  @Id
  @Column(name = "token_hash")
  private String tokenHash;

  @Column(name = "extension_number", nullable = false)
  private String extensionNumber;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected ProvisioningLink() {}

  ProvisioningLink(String tokenHash, String extensionNumber, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.extensionNumber = extensionNumber;
    this.expiresAt = expiresAt;
  }

  /** Spends the link at {@code now}; false when it was spent before or has expired. */
  boolean spend(Instant now) {
    if (usedAt != null || !now.isBefore(expiresAt)) {
      return false;
    }
    usedAt = now;
    return true;
  }

  String extensionNumber() {
    return extensionNumber;
  }
}
