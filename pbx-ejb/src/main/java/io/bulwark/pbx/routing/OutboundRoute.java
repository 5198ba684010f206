package io.bulwark.pbx.routing;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An outbound route: which dialled numbers, from which extensions, leave through which trunks.
 * Routes are tried in their order and the first that applies takes the call.
 */
@Entity
@Table(name = "outbound_route")
@NamedQuery(name = "OutboundRoute.all", query = "select r from OutboundRoute r order by r.position")
@NamedQuery(
    name = "OutboundRoute.byName",
    query = "select r from OutboundRoute r where r.name = :name")
@NamedQuery(
    name = "OutboundRoute.lastPosition",
    query = "select coalesce(max(r.position), 0) from OutboundRoute r")
@NamedQuery(
    name = "OutboundRoute.namesUsingTrunk",
    query =
        "select r.name from OutboundRoute r join r.trunkIds t where t = :trunkId"
            + " order by r.position")
public class OutboundRoute {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String name;

  @Column(nullable = false)
  private int position;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "outbound_route_pattern", joinColumns = @JoinColumn(name = "route_id"))
  @OrderColumn(name = "idx")
  private List<RoutePattern> patterns = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "outbound_route_trunk", joinColumns = @JoinColumn(name = "route_id"))
  @OrderColumn(name = "idx")
  @Column(name = "trunk_id", nullable = false)
  private List<Long> trunkIds = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "outbound_route_member", joinColumns = @JoinColumn(name = "route_id"))
  @Column(name = "extension_number", nullable = false, length = 16)
  private Set<String> members = new HashSet<>();

  @Column(name = "caller_id_number", length = 33)
  private String callerIdNumber;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private int version;

  protected OutboundRoute() {}

  OutboundRoute(OutboundRouteDraft draft, int position) {
    this.position = position;
    apply(draft);
  }

  /** Takes over a valid draft's values; the place in the list changes only by moving. */
  void apply(OutboundRouteDraft draft) {
    name = draft.name();
    patterns.clear();
    draft.patterns().forEach(p -> patterns.add(new RoutePattern(p)));
    trunkIds.clear();
    trunkIds.addAll(draft.trunkIds());
    members.clear();
    members.addAll(draft.members());
    callerIdNumber = draft.callerIdNumber();
  }

  /** The route as the routing policy reads it, detached from persistence. */
  public OutboundRule rule() {
    return new OutboundRule(
        id, name, getDialPatterns(), List.copyOf(trunkIds), Set.copyOf(members), callerIdNumber);
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

  void swapPlaces(OutboundRoute other) {
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

  public List<DialPattern> getDialPatterns() {
    return patterns.stream().map(RoutePattern::dialPattern).toList();
  }

  public List<Long> getTrunkIds() {
    return List.copyOf(trunkIds);
  }

  /** The member extensions' numbers, sorted. */
  public List<String> getMembers() {
    return List.copyOf(new TreeSet<>(members));
  }

  public String getCallerIdNumber() {
    return callerIdNumber;
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
