package io.bulwark.pbx.web.api;

import io.bulwark.pbx.trunk.Trunk;
import io.bulwark.pbx.trunk.TrunkDraft;
import io.bulwark.pbx.trunk.TrunkKind;
import io.bulwark.pbx.trunk.TrunkStatusBoard;
import java.time.Instant;

/** JSON shapes of the trunk API. The password is write-only. */
public final class TrunkJson {

  private TrunkJson() {}

  /**
   * What the API returns.
   *
   * @param passwordSet whether a password is stored (it is never returned)
   * @param status a register trunk's registration as last reported: UNREGISTERED, REGISTERED or
   *     FAILED; {@code null} for a peer trunk
   * @param statusDetail what the provider answered last, such as "403 Forbidden"
   */
  public record View(
      long id,
      String name,
      String kind,
      String host,
      int port,
      String transport,
      String domain,
      String username,
      String authName,
      boolean passwordSet,
      String outboundProxy,
      int registrationExpiry,
      String callerIdNumber,
      String callerIdName,
      Integer maxConcurrentCalls,
      boolean enabled,
      boolean anchorMedia,
      String status,
      String statusDetail,
      Instant createdAt,
      Instant updatedAt,
      int version) {

    static View of(Trunk t, TrunkStatusBoard.Status status) {
      boolean register = t.getKind() == TrunkKind.REGISTER;
      return new View(
          t.getId(),
          t.getName(),
          t.getKind().name(),
          t.getHost(),
          t.getPort(),
          t.getTransport().name(),
          t.getDomain(),
          t.getUsername(),
          t.getAuthName(),
          t.hasPassword(),
          t.getOutboundProxy(),
          t.getRegistrationExpiry(),
          t.getCallerIdNumber(),
          t.getCallerIdName(),
          t.getMaxConcurrentCalls(),
          t.isEnabled(),
          t.isAnchorMedia(),
          register ? status.state().name() : null,
          register ? status.detail() : null,
          t.getCreatedAt(),
          t.getUpdatedAt(),
          t.getVersion());
    }
  }

  /**
   * What the API accepts. {@code kind} is REGISTER or PEER, {@code transport} UDP (default) or TCP.
   * On update a missing {@code password} keeps the current one, and a {@code version} (as read)
   * refuses the update with 409 when someone changed the trunk since.
   */
  public record Input(
      String name,
      String kind,
      String host,
      Integer port,
      String transport,
      String domain,
      String username,
      String authName,
      String password,
      String outboundProxy,
      Integer registrationExpiry,
      String callerIdNumber,
      String callerIdName,
      Integer maxConcurrentCalls,
      Boolean enabled,
      Boolean anchorMedia,
      Integer version) {

    TrunkDraft draft() {
      return new TrunkDraft(
          name,
          kind,
          host,
          port,
          transport,
          domain,
          username,
          authName,
          password,
          outboundProxy,
          registrationExpiry,
          callerIdNumber,
          callerIdName,
          maxConcurrentCalls,
          enabled,
          anchorMedia);
    }
  }
}
