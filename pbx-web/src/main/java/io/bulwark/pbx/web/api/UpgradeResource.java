package io.bulwark.pbx.web.api;

import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.upgrade.UpgradeAttempt;
import io.bulwark.pbx.upgrade.UpgradePolicy;
import io.bulwark.pbx.upgrade.UpgradeService;
import io.bulwark.pbx.upgrade.UpgradeSettingDraft;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/system/upgrade}: Maintenance > Upgrade. {@code policy} is NEVER, NOTIFY or AUTO
 * (checked daily at {@code checkAt}, HH:mm); {@code source} a folder on the system or an https://
 * address whose file {@code latest} names the package. {@code releaseKey} is the fingerprint of the
 * key packages must be signed with, set by the operator ({@code BULWARK_RELEASE_KEY}), never here.
 */
@Path("/system/upgrade")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.SYSTEM)
public class UpgradeResource {

  @Inject private UpgradeService upgrades;
  @Context private SecurityContext security;

  public record Attempt(
      long id,
      String fromVersion,
      String toVersion,
      String outcome,
      String detail,
      String actor,
      Instant startedAt,
      Instant finishedAt,
      Long seconds) {

    static Attempt of(UpgradeAttempt a) {
      return new Attempt(
          a.getId(),
          a.getFromVersion(),
          a.getToVersion(),
          a.getOutcome().name(),
          a.getDetail(),
          a.getActor(),
          a.getStartedAt(),
          a.getFinishedAt(),
          a.getSeconds());
    }
  }

  public record Upgrade(
      String runningVersion,
      String policy,
      String checkAt,
      String source,
      String releaseKey,
      String availableVersion,
      Instant lastCheckAt,
      Instant nextCheck,
      Attempt installing,
      int version) {

    static Upgrade of(UpgradeService.Status s) {
      return new Upgrade(
          s.running().toString(),
          s.setting().getPolicy().name(),
          s.setting().getCheckAt().toString(),
          s.setting().getSource(),
          s.releaseKey().orElse(null),
          s.setting().availableVersion().orElse(null),
          s.setting().getLastCheckAt(),
          s.nextCheck().orElse(null),
          s.installing().map(Attempt::of).orElse(null),
          s.setting().getVersion());
    }
  }

  public record Settings(String policy, String checkAt, String source, Integer version) {}

  /** The release to install: the one the last check found. */
  public record Install(String version) {}

  /** A check takes no parameters; the body is an empty object. */
  public record Check() {}

  @GET
  @APIResponse(responseCode = "200", description = "The running release, the settings, and news")
  public Upgrade get() {
    return Upgrade.of(upgrades.status());
  }

  @PUT
  @APIResponse(responseCode = "200", description = "As changed")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors says which",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Upgrade update(Settings input) {
    Settings body = Requests.required(input);
    UpgradePolicy policy = Requests.constant(UpgradePolicy.class, body.policy(), "policy");
    LocalTime checkAt = Requests.timeOfDay(body.checkAt(), "checkAt");
    return Upgrade.of(
        upgrades.update(
            body.version(),
            new UpgradeSettingDraft(policy, checkAt, body.source()),
            Requests.actor(security)));
  }

  @POST
  @Path("/check")
  @APIResponse(responseCode = "200", description = "Checked; availableVersion is a newer release")
  @APIResponse(
      responseCode = "400",
      description = "No source is set",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "503",
      description = "No release key is configured, or the source cannot be read",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Upgrade check(Check input) {
    Requests.required(input);
    return Upgrade.of(upgrades.check(Requests.actor(security)));
  }

  @POST
  @Path("/install")
  @APIResponse(
      responseCode = "202",
      description = "Being installed; the history tells how it ended, within two minutes")
  @APIResponse(
      responseCode = "400",
      description = "Not the release available, or its package is refused",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Another install runs",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "503",
      description = "No release key or installer here; nothing changed",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response install(Install input) {
    Install body = Requests.required(input);
    return Response.accepted(Attempt.of(upgrades.install(body.version(), Requests.actor(security))))
        .build();
  }

  @GET
  @Path("/history")
  @APIResponse(responseCode = "200", description = "Installs, newest first")
  public List<Attempt> history() {
    return upgrades.history().stream().map(Attempt::of).toList();
  }
}
