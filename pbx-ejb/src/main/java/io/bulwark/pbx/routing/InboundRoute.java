package io.bulwark.pbx.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

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
public class InboundRoute extends OrderedRoute {

  @Column(name = "did_pattern", length = 64)
  private String didPattern;

  @Column(name = "caller_pattern", length = 64)
  private String callerPattern;

  @Column(name = "destination_extension", nullable = false, length = 16)
  private String destination;

  protected InboundRoute() {}

  InboundRoute(InboundRouteDraft draft, int position) {
    super(position);
    apply(draft);
  }

  /** Takes over a valid draft's values; the place in the list changes only by moving. */
  void apply(InboundRouteDraft draft) {
    rename(draft.name());
    didPattern =
        draft.didPattern() == null ? null : DialPattern.parse(draft.didPattern()).pattern();
    callerPattern =
        draft.callerPattern() == null ? null : DialPattern.parse(draft.callerPattern()).pattern();
    destination = draft.destination();
  }

  /** The route as the routing policy reads it, detached from persistence. */
  public InboundRule rule() {
    return new InboundRule(
        getId(),
        getName(),
        didPattern == null ? null : DialPattern.parse(didPattern),
        callerPattern == null ? null : DialPattern.parse(callerPattern),
        destination);
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
}
