package io.bulwark.pbx.web.api;

import io.bulwark.pbx.extension.Extension;
import io.bulwark.pbx.extension.ExtensionDraft;
import io.bulwark.pbx.extension.OutboundRestrictions;
import io.bulwark.pbx.extension.RegistrationSecurity;
import io.bulwark.pbx.extension.RegistrationSecurityDraft;
import io.bulwark.pbx.extension.UserInformation;
import io.bulwark.pbx.extension.UserInformationDraft;
import java.time.Instant;
import java.util.List;

/** JSON shapes of the extension API. The registration password is write-only. */
public final class ExtensionJson {

  private ExtensionJson() {}

  /** What the API returns. */
  public record View(
      long id,
      String number,
      String displayName,
      String registrationName,
      String email,
      Security security,
      Restrictions restrictions,
      User user,
      Instant createdAt,
      Instant updatedAt,
      int version) {

    static View of(Extension e) {
      return new View(
          e.getId(),
          e.getNumber(),
          e.getDisplayName(),
          e.getRegistrationName(),
          e.getEmail(),
          Security.of(e.getSecurity()),
          Restrictions.of(e.getRestrictions()),
          User.of(e.getUser()),
          e.getCreatedAt(),
          e.getUpdatedAt(),
          e.getVersion());
    }
  }

  /**
   * User Information: the person the extension belongs to and the role they sign in to the portal
   * with (a missing role is {@code employee}); Keycloak's user named by the extension's number is
   * kept equal to it. A role with access the caller's own roles lack cannot be given.
   */
  public record User(String firstName, String lastName, String mobile, String role) {

    static User of(UserInformation u) {
      return new User(u.getFirstName(), u.getLastName(), u.getMobile(), u.getRole());
    }

    UserInformationDraft draft() {
      return new UserInformationDraft(firstName, lastName, mobile, role);
    }
  }

  /**
   * The registration security: how many devices may register at once, the user-agent prefixes and
   * addresses they may register with (empty for any), whether one outside the local networks may,
   * and whether they must use SIP over TLS. Missing fields take a new extension's values: 1, any,
   * any, no, no.
   */
  public record Security(
      Integer concurrentRegistrations,
      List<String> userAgents,
      List<String> permittedIps,
      Boolean remoteRegistration,
      Boolean tlsOnly) {

    static Security of(RegistrationSecurity s) {
      return new Security(
          s.getConcurrentRegistrations(),
          s.getUserAgents(),
          s.getPermittedIps(),
          s.isRemoteRegistration(),
          s.isTlsOnly());
    }

    RegistrationSecurityDraft draft() {
      return new RegistrationSecurityDraft(
          concurrentRegistrations, userAgents, permittedIps, remoteRegistration, tlsOnly);
    }
  }

  /**
   * The guide's extension call restrictions, for outbound calls: none at all, none outside business
   * hours, or none international, and {@code maxOutboundSeconds}, how long each may last (null: the
   * global maximum call duration), and {@code frequencyRuleId}, the custom outbound call frequency
   * rule it follows (null: the default rule). Missing fields are off.
   */
  public record Restrictions(
      Boolean outboundDisabled,
      Boolean outsideHoursDisabled,
      Boolean internationalDisallowed,
      Integer maxOutboundSeconds,
      Long frequencyRuleId) {

    static Restrictions of(OutboundRestrictions r) {
      return new Restrictions(
          r.isOutboundDisabled(),
          r.isOutsideHoursDisabled(),
          r.isInternationalDisallowed(),
          r.getMaxOutboundSeconds(),
          r.getFrequencyRuleId());
    }

    OutboundRestrictions value() {
      return new OutboundRestrictions(
          Boolean.TRUE.equals(outboundDisabled),
          Boolean.TRUE.equals(outsideHoursDisabled),
          Boolean.TRUE.equals(internationalDisallowed),
          maxOutboundSeconds,
          frequencyRuleId);
    }
  }

  /**
   * What the API accepts. On update a missing {@code secret}, {@code security} or {@code
   * restrictions} keeps the current one, and a {@code version} (as read) refuses the update with
   * 409 when someone changed the extension since.
   */
  public record Input(
      String number,
      String displayName,
      String registrationName,
      String secret,
      String email,
      Security security,
      Restrictions restrictions,
      User user,
      Integer version) {

    ExtensionDraft draft() {
      return new ExtensionDraft(
          number,
          displayName,
          registrationName,
          secret,
          email,
          security == null ? null : security.draft(),
          restrictions == null ? null : restrictions.value(),
          user == null ? null : user.draft());
    }
  }
}
