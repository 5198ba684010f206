package io.bulwark.pbx.routing;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

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
@NamedQuery(
    name = "OutboundRoute.namesUsingPinList",
    query = "select r.name from OutboundRoute r where r.pinListId = :listId order by r.position")
@NamedQuery(
    name = "OutboundRoute.namesListingGroup",
    query =
        "select r.name from OutboundRoute r join r.groupIds g where g = :groupId"
            + " order by r.position")
public class OutboundRoute extends OrderedRoute {

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

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "outbound_route_group", joinColumns = @JoinColumn(name = "route_id"))
  @Column(name = "group_id", nullable = false)
  private Set<Long> groupIds = new HashSet<>();

  @Column(name = "caller_id_number", length = 33)
  private String callerIdNumber;

  @Enumerated(EnumType.STRING)
  @Column(name = "time_condition", nullable = false, length = 24)
  private TimeCondition timeCondition = TimeCondition.ANY_TIME;

  @Enumerated(EnumType.STRING)
  @Column(name = "pin_mode", nullable = false, length = 8)
  private PinMode pinMode = PinMode.NONE;

  /** The single PIN, encrypted with {@link io.bulwark.pbx.system.SecretCipher}. */
  @Column(name = "pin_secret")
  private String pinSecret;

  @Column(name = "pin_list_id")
  private Long pinListId;

  protected OutboundRoute() {}

  /** A route without a PIN. */
  OutboundRoute(OutboundRouteDraft draft, int position) {
    this(
        draft,
        position,
        pin -> {
          throw new IllegalArgumentException("A route with a PIN needs the cipher");
        });
  }

  OutboundRoute(OutboundRouteDraft draft, int position, UnaryOperator<String> seal) {
    super(position);
    apply(draft, seal);
  }

  /**
   * Takes over a valid draft's values; the place in the list changes only by moving.
   *
   * @param seal encrypts a single PIN
   */
  void apply(OutboundRouteDraft draft, UnaryOperator<String> seal) {
    rename(draft.name());
    patterns.clear();
    draft.patterns().forEach(p -> patterns.add(new RoutePattern(p)));
    trunkIds.clear();
    trunkIds.addAll(draft.trunkIds());
    members.clear();
    members.addAll(draft.members());
    groupIds.clear();
    groupIds.addAll(draft.groupIds());
    callerIdNumber = draft.callerIdNumber();
    timeCondition = draft.condition();
    pinMode = draft.pinMode();
    pinSecret = pinMode == PinMode.SINGLE ? seal.apply(draft.pin().pin()) : null;
    pinListId = pinMode == PinMode.LIST ? draft.pin().listId() : null;
  }

  /**
   * The PINs the route asks for.
   *
   * @param open decrypts the single PIN
   * @param lists the PINs of a PIN list and its name, by id
   */
  RoutePin pin(UnaryOperator<String> open, Function<Long, RoutePin> lists) {
    return switch (pinMode) {
      case NONE -> RoutePin.NONE;
      case SINGLE ->
          new RoutePin(PinMode.SINGLE, Set.of(open.apply(pinSecret)), "route " + getName());
      case LIST -> lists.apply(pinListId);
    };
  }

  public PinMode getPinMode() {
    return pinMode;
  }

  /** The single PIN in clear, for the administrator; null without one. */
  public String pinShown(UnaryOperator<String> open) {
    return pinSecret == null ? null : open.apply(pinSecret);
  }

  public Long getPinListId() {
    return pinListId;
  }

  /**
   * The route as the routing policy reads it, detached from persistence: its members are the
   * extensions it lists and the members of the groups it lists.
   *
   * @param groupMembers the members of a group, by its id
   * @param pin the PINs the route asks for
   */
  public OutboundRule rule(Function<Long, Collection<String>> groupMembers, RoutePin pin) {
    Set<String> everyone = new HashSet<>(members);
    groupIds.forEach(g -> everyone.addAll(groupMembers.apply(g)));
    return new OutboundRule(
        getId(),
        getName(),
        getDialPatterns(),
        List.copyOf(trunkIds),
        everyone,
        callerIdNumber,
        timeCondition,
        pin);
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

  /** The extension groups listed, by id, sorted. */
  public List<Long> getGroupIds() {
    return List.copyOf(new TreeSet<>(groupIds));
  }

  public String getCallerIdNumber() {
    return callerIdNumber;
  }

  public TimeCondition getTimeCondition() {
    return timeCondition;
  }
}
