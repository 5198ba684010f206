package io.bulwark.pbx.extension;

import static io.bulwark.pbx.system.Columns.clip;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One contact address under which a registered extension can be reached until it expires. */
@Entity
@Table(name = "registration_binding")
@NamedQuery(
    name = "RegistrationBinding.ofExtension",
    query = "select b from RegistrationBinding b where b.extension = :extension order by b.id")
@NamedQuery(
    name = "RegistrationBinding.active",
    query =
        "select b from RegistrationBinding b join fetch b.extension"
            + " where b.expiresAt > :now order by b.extension.number, b.id")
@NamedQuery(
    name = "RegistrationBinding.countActive",
    query = "select count(b) from RegistrationBinding b where b.expiresAt > :now")
@NamedQuery(
    name = "RegistrationBinding.deleteExpired",
    query = "delete from RegistrationBinding b where b.expiresAt <= :now")
public class RegistrationBinding {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "extension_id")
  private Extension extension;

  @Column(name = "contact_uri", nullable = false, length = 512)
  private String contactUri;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "call_id", nullable = false)
  private String callId;

  @Column(nullable = false)
  private long cseq;

  @Column(name = "source_address", nullable = false, length = 45)
  private String sourceAddress;

  @Column(name = "source_port", nullable = false)
  private int sourcePort;

  @Column(nullable = false, length = 8)
  private String transport;

  @Column(name = "user_agent")
  private String userAgent;

  @Column(name = "registered_at", nullable = false)
  private Instant registeredAt;

  protected RegistrationBinding() {}

  RegistrationBinding(Extension extension, String contactUri) {
    this.extension = extension;
    this.contactUri = contactUri;
  }

  /** Whether a request with this Call-ID and CSeq may change the binding (RFC 3261 10.3 step 7). */
  boolean acceptsUpdateFrom(String requestCallId, long requestCseq) {
    return !callId.equals(requestCallId) || requestCseq > cseq;
  }

  void refresh(RegisterRequest request, Duration lifetime, Instant now) {
    this.callId = request.callId();
    this.cseq = request.cseq();
    this.sourceAddress = request.sourceAddress();
    this.sourcePort = request.sourcePort();
    this.transport = request.transport();
    this.userAgent = clip(request.userAgent(), 255);
    this.registeredAt = now;
    this.expiresAt = now.plus(lifetime);
  }

  public boolean isActive(Instant now) {
    return expiresAt.isAfter(now);
  }

  /** Seconds left, rounded up, as the Contact expires parameter of a 200 OK reports them. */
  public long secondsLeft(Instant now) {
    long millis = Duration.between(now, expiresAt).toMillis();
    return millis <= 0 ? 0 : (millis + 999) / 1000;
  }

  public Long getId() {
    return id;
  }

  public Extension getExtension() {
    return extension;
  }

  public String getContactUri() {
    return contactUri;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public String getSourceAddress() {
    return sourceAddress;
  }

  public int getSourcePort() {
    return sourcePort;
  }

  public String getTransport() {
    return transport;
  }

  public String getUserAgent() {
    return userAgent;
  }

  public Instant getRegisteredAt() {
    return registeredAt;
  }
}
