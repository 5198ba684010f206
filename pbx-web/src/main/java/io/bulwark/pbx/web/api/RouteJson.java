package io.bulwark.pbx.web.api;

import io.bulwark.pbx.routing.DialPattern;
import io.bulwark.pbx.routing.DialPatternDraft;
import io.bulwark.pbx.routing.InboundRoute;
import io.bulwark.pbx.routing.InboundRouteDraft;
import io.bulwark.pbx.routing.OutboundRoute;
import io.bulwark.pbx.routing.OutboundRouteDraft;
import io.bulwark.pbx.routing.PinMode;
import io.bulwark.pbx.routing.RoutePinDraft;
import io.bulwark.pbx.routing.TimeCondition;
import java.time.Instant;
import java.util.List;

/** JSON shapes of the inbound and outbound route APIs. */
public final class RouteJson {

  private RouteJson() {}

  /**
   * What the API accepts for any kind of route: the route as a draft, and the version it was read
   * at, if the client sent one.
   */
  public interface Input<D> {
    D draft();

    Integer version();
  }

  /** One dial pattern of an outbound route: {@code 9X.} with strip 1 and nothing prepended. */
  public record Pattern(String pattern, Integer strip, String prepend) {

    static Pattern of(DialPattern p) {
      return new Pattern(p.pattern(), p.strip(), p.prepend());
    }

    DialPatternDraft draft() {
      return new DialPatternDraft(pattern, strip, prepend);
    }
  }

  /**
   * An outbound route as the API returns it.
   *
   * @param position its place in the list; routes are tried from the lowest
   * @param trunkIds the trunks tried in order, the next when one fails (5xx or no answer)
   * @param members numbers of the extensions allowed to use the route
   * @param groupIds extension groups whose members may use it too
   * @param timeCondition {@code ANY_TIME}, {@code BUSINESS_HOURS} or {@code
   *     OUTSIDE_BUSINESS_HOURS}: when the route may be used (a call at another time gets 403)
   * @param pinMode the guide's Outbound Route Password: {@code NONE}, {@code SINGLE} ({@code pin})
   *     or {@code LIST} ({@code pinListId})
   */
  public record OutboundView(
      long id,
      String name,
      int position,
      List<Pattern> dialPatterns,
      List<Long> trunkIds,
      List<String> members,
      List<Long> groupIds,
      String callerIdNumber,
      TimeCondition timeCondition,
      PinMode pinMode,
      String pin,
      Long pinListId,
      Instant createdAt,
      Instant updatedAt,
      int version) {

    static OutboundView of(OutboundRoute r, String singlePin) {
      return new OutboundView(
          r.getId(),
          r.getName(),
          r.getPosition(),
          r.getDialPatterns().stream().map(Pattern::of).toList(),
          r.getTrunkIds(),
          r.getMembers(),
          r.getGroupIds(),
          r.getCallerIdNumber(),
          r.getTimeCondition(),
          r.getPinMode(),
          singlePin,
          r.getPinListId(),
          r.getCreatedAt(),
          r.getUpdatedAt(),
          r.getVersion());
    }
  }

  /**
   * What the API accepts for an outbound route; a {@code version} (as read) refuses an update with
   * 409 when someone changed the route since. New routes go to the end of the list; a missing
   * {@code timeCondition} is {@code ANY_TIME}. {@code pinMode} {@code SINGLE} with {@code pin} (3
   * to 12 digits) or {@code LIST} with {@code pinListId} (of {@code /api/v1/pin-lists}) makes a
   * caller enter a PIN first, by RFC 4733 telephone events or SIP INFO; missing is {@code NONE}.
   */
  public record OutboundInput(
      String name,
      List<Pattern> dialPatterns,
      List<Long> trunkIds,
      List<String> members,
      List<Long> groupIds,
      String callerIdNumber,
      String timeCondition,
      String pinMode,
      String pin,
      Long pinListId,
      Integer version)
      implements Input<OutboundRouteDraft> {

    @Override
    public OutboundRouteDraft draft() {
      return new OutboundRouteDraft(
          name,
          dialPatterns == null
              ? null
              : dialPatterns.stream().map(p -> p == null ? null : p.draft()).toList(),
          trunkIds,
          members,
          callerIdNumber,
          timeCondition,
          groupIds,
          new RoutePinDraft(pinMode, pin, pinListId));
    }
  }

  /**
   * An inbound route as the API returns it.
   *
   * @param didPattern called numbers it takes, in dial pattern syntax; {@code null} for any
   * @param callerPattern callers it takes; {@code null} for any
   * @param destination the number of the extension it rings
   */
  public record InboundView(
      long id,
      String name,
      int position,
      String didPattern,
      String callerPattern,
      String destination,
      Instant createdAt,
      Instant updatedAt,
      int version) {

    static InboundView of(InboundRoute r) {
      return new InboundView(
          r.getId(),
          r.getName(),
          r.getPosition(),
          r.getDidPattern(),
          r.getCallerPattern(),
          r.getDestination(),
          r.getCreatedAt(),
          r.getUpdatedAt(),
          r.getVersion());
    }
  }

  /** What the API accepts for an inbound route; empty patterns take any number. */
  public record InboundInput(
      String name, String didPattern, String callerPattern, String destination, Integer version)
      implements Input<InboundRouteDraft> {

    @Override
    public InboundRouteDraft draft() {
      return new InboundRouteDraft(name, didPattern, callerPattern, destination);
    }
  }

  /** {@code {"direction": "up"}} or {@code "down"}. */
  public record Move(String direction) {}
}
