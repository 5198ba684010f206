package io.bulwark.pbx.routing;

import jakarta.persistence.Column;
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

/**
 * An inbound route: calls from a trunk to a DID, optionally from certain callers, ring an
 * extension. Routes are tried in their order and the first that applies takes the call.
 */
@Entity
@Table(name = "inbound_route")
@NamedQuery(name = "InboundRoute.all", query = "select r from InboundRoute r order by r.position")
@NamedQuery(
    name = "InboundRoute.byName",
    query = "select r from InboundRoute r where r.name = :name")
@NamedQuery(
    name = "InboundRoute.lastPosition",
    query = "select coalesce(max(r.position), 0) from InboundRoute r")
public class InboundRoute {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String name;

  @Column(nullable = false)
  private int position;

  @Column(name = "did_pattern", length = 64)
  private String didPattern;

  @Column(name = "caller_pattern", length = 64)
  private String callerPattern;

  @Column(name = "destination_extension", nullable = false, length = 16)
  private String destination;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private int version;

  protected InboundRoute() {}

  InboundRoute(InboundRouteDraft draft, int position) {
    this.position = position;
    apply(draft);
  }

  /** Takes over a valid draft's values; the place in the list changes only by moving. */
  void apply(InboundRouteDraft draft) {
    name = draft.name();
    didPattern =
        draft.didPattern() == null ? null : DialPattern.parse(draft.didPattern()).pattern();
    callerPattern =
        draft.callerPattern() == null ? null : DialPattern.parse(draft.callerPattern()).pattern();
    destination = draft.destination();
  }

  /** The route as the routing policy reads it, detached from persistence. */
  public InboundRule rule() {
    return new InboundRule(
        id,
        name,
        didPattern == null ? null : DialPattern.parse(didPattern),
        callerPattern == null ? null : DialPattern.parse(callerPattern),
        destination);
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

  /** The route's place in the list: lower is tried first. */
  public int getPosition() {
    return position;
  }

  void swapPlaces(InboundRoute other) {
    int mine = position;
    position = other.position;
    other.position = mine;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  /** {@code null} for any DID. */
  public String getDidPattern() {
    return didPattern;
  }

  /** {@code null} for any caller. */
  public String getCallerPattern() {
    return callerPattern;
  }

  public String getDestination() {
    return destination;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public int getVersion() {
    return version;
  }
}
