package io.bulwark.pbx.trunk;

import io.bulwark.pbx.system.SecretCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A SIP trunk: the provider calls leave through and arrive from. */
@Entity
@Table(name = "trunk")
@NamedQuery(name = "Trunk.all", query = "select t from Trunk t order by t.name")
@NamedQuery(name = "Trunk.byName", query = "select t from Trunk t where t.name = :name")
public class Trunk {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private TrunkKind kind;

  @Column(nullable = false, length = 253)
  private String host;

  @Column(nullable = false)
  private int port;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 3)
  private Transport transport;

  @Column(length = 253)
  private String domain;

  @Column(length = 64)
  private String username;

  @Column(name = "auth_name", length = 64)
  private String authName;

  /** Encrypted with {@link SecretCipher}; never the plain password. */
  @Column(name = "sip_secret")
  private String encryptedSecret;

  @Column(name = "outbound_proxy", length = 260)
  private String outboundProxy;

  @Column(name = "registration_expiry", nullable = false)
  private int registrationExpiry;

  @Column(name = "caller_id_number", length = 33)
  private String callerIdNumber;

  @Column(name = "caller_id_name", length = 64)
  private String callerIdName;

  @Column(name = "max_concurrent_calls")
  private Integer maxConcurrentCalls;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "anchor_media", nullable = false)
  private boolean anchorMedia;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private int version;

  protected Trunk() {}

  Trunk(TrunkDraft draft, String encryptedSecret) {
    apply(draft, encryptedSecret);
  }

  /** Takes over a valid draft's values; a {@code null} secret keeps the stored one. */
  void apply(TrunkDraft draft, String newEncryptedSecret) {
    name = draft.name();
    kind = draft.trunkKind().orElseThrow();
    host = draft.host();
    port = draft.portOrDefault();
    transport = draft.transportOrDefault();
    domain = draft.domain();
    username = draft.username();
    authName = draft.authName();
    if (newEncryptedSecret != null) {
      encryptedSecret = newEncryptedSecret;
    }
    outboundProxy = draft.outboundProxy();
    registrationExpiry = draft.registrationExpiryOrDefault();
    callerIdNumber = draft.callerIdNumber();
    callerIdName = draft.callerIdName();
    maxConcurrentCalls = draft.maxConcurrentCalls();
    enabled = draft.enabled() == null || draft.enabled();
    anchorMedia = draft.anchorMedia() == null || draft.anchorMedia();
  }

  /** What SIP needs to know, with the password decrypted; it lives only in memory. */
  TrunkProfile profile(SecretCipher cipher) {
    TrunkCredentials credentials =
        username == null
            ? null
            : new TrunkCredentials(
                username,
                authName == null ? username : authName,
                encryptedSecret == null ? "" : cipher.decrypt(encryptedSecret));
    return new TrunkProfile(
        id,
        name,
        kind,
        new HostPort(host, port),
        transport,
        domain == null ? host : domain,
        HostPort.parse(outboundProxy).orElse(null),
        credentials,
        registrationExpiry,
        callerIdNumber,
        callerIdName,
        maxConcurrentCalls,
        enabled,
        anchorMedia);
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

  public String getName() {
    return name;
  }

  public TrunkKind getKind() {
    return kind;
  }

  public String getHost() {
    return host;
  }

  public int getPort() {
    return port;
  }

  public Transport getTransport() {
    return transport;
  }

  public String getDomain() {
    return domain;
  }

  public String getUsername() {
    return username;
  }

  public String getAuthName() {
    return authName;
  }

  /** Whether a password is stored; the password itself is never read back out of this class. */
  public boolean hasPassword() {
    return encryptedSecret != null;
  }

  public String getOutboundProxy() {
    return outboundProxy;
  }

  public int getRegistrationExpiry() {
    return registrationExpiry;
  }

  public String getCallerIdNumber() {
    return callerIdNumber;
  }

  public String getCallerIdName() {
    return callerIdName;
  }

  public Integer getMaxConcurrentCalls() {
    return maxConcurrentCalls;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public boolean isAnchorMedia() {
    return anchorMedia;
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
