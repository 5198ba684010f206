package io.bulwark.pbx.extension;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A SIP extension: the account a phone registers with and calls from. */
@Entity
@Table(name = "extension")
@NamedQuery(name = "Extension.all", query = "select e from Extension e order by e.number")
@NamedQuery(
    name = "Extension.restricted",
    query =
        "select e from Extension e where e.restrictions.outboundDisabled = true"
            + " or e.restrictions.outsideHoursDisabled = true"
            + " or e.restrictions.internationalDisallowed = true"
            + " or e.restrictions.maxOutboundSeconds is not null"
            + " or e.restrictions.frequencyRuleId is not null")
@NamedQuery(
    name = "Extension.numbersFollowingFrequencyRule",
    query =
        "select e.number from Extension e where e.restrictions.frequencyRuleId = :ruleId"
            + " order by e.number")
@NamedQuery(
    name = "Extension.byNumber",
    query = "select e from Extension e where e.number = :number")
@NamedQuery(
    name = "Extension.byRegistrationName",
    query = "select e from Extension e where e.registrationName = :name")
public class Extension {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 16)
  private String number;

  @Column(name = "display_name", nullable = false, length = 64)
  private String displayName;

  @Column(name = "registration_name", nullable = false, unique = true, length = 64)
  private String registrationName;

  /** Encrypted with {@link io.bulwark.pbx.system.SecretCipher}; never the plain password. */
  @Column(name = "sip_secret", nullable = false)
  private String encryptedSecret;

  @Column(length = 254)
  private String email;

  @Embedded private RegistrationSecurity security;

  @Embedded private OutboundRestrictions restrictions;

  @Embedded private UserInformation user;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private int version;

  protected Extension() {}

  Extension(ExtensionDraft draft, String encryptedSecret) {
    this.number = draft.number();
    this.security =
        new RegistrationSecurity(new RegistrationSecurityDraft(null, null, null, null, null));
    this.restrictions = OutboundRestrictions.none();
    this.user = UserInformation.none();
    apply(draft, encryptedSecret);
  }

  /** Takes over the draft's values; the number is the extension's identity and never changes. */
  void apply(ExtensionDraft draft, String newEncryptedSecret) {
    this.displayName = draft.displayName().strip();
    this.registrationName = draft.registrationName();
    if (newEncryptedSecret != null) {
      this.encryptedSecret = newEncryptedSecret;
    }
    this.email = draft.email() == null || draft.email().isBlank() ? null : draft.email().strip();
    if (draft.security() != null) {
      this.security = new RegistrationSecurity(draft.security());
    }
    if (draft.user() != null) {
      this.user = new UserInformation(draft.user());
    }
    if (draft.restrictions() != null) {
      this.restrictions =
          new OutboundRestrictions(
              draft.restrictions().isOutboundDisabled(),
              draft.restrictions().isOutsideHoursDisabled(),
              draft.restrictions().isInternationalDisallowed(),
              draft.restrictions().getMaxOutboundSeconds(),
              draft.restrictions().getFrequencyRuleId());
    }
  }

  /** The person the extension belongs to, as the portal and Keycloak know them. */
  public UserInformation getUser() {
    return user == null ? UserInformation.none() : user;
  }

  /** Stops the extension's outbound calls (a suspicion of toll fraud); whether it was new. */
  boolean disableOutbound() {
    if (restrictions.isOutboundDisabled()) {
      return false;
    }
    restrictions = restrictions.withOutboundDisabled();
    return true;
  }

  @PrePersist
  void onCreate() {
    createdAt = Instant.now();
    updatedAt = createdAt;
  }

  @PreUpdate
  void onUpdate() {
    updatedAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public String getNumber() {
    return number;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getRegistrationName() {
    return registrationName;
  }

  String getEncryptedSecret() {
    return encryptedSecret;
  }

  public String getEmail() {
    return email;
  }

  public RegistrationSecurity getSecurity() {
    return security;
  }

  public OutboundRestrictions getRestrictions() {
    return restrictions;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  /** Grows with every change; a save names the version it was made from. */
  public int getVersion() {
    return version;
  }
}
