package io.bulwark.pbx.web.api;

import io.bulwark.pbx.defense.Blocklist;
import io.bulwark.pbx.defense.BlocklistDraft;
import io.bulwark.pbx.defense.BlocklistSettings;
import io.bulwark.pbx.defense.DefenseService;
import io.bulwark.pbx.identity.Area;
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
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/defense/blocklist}: the global anti-hacking IP blocklist. A feed of addresses and
 * networks ({@code http://}, {@code https://} or {@code file:}) fetched every so many hours; the
 * sources it names get nothing from SIP or the web. A change fetches the feed at once.
 */
@Path("/defense/blocklist")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.SECURITY)
public class BlocklistResource {

  @Inject private DefenseService defense;
  @Inject private Blocklist blocklist;
  @Context private SecurityContext security;

  /** The settings and how the last fetch went; {@code version} is sent back with a change. */
  public record View(
      boolean enabled,
      String url,
      int intervalHours,
      Instant lastSyncAt,
      Integer entries,
      Integer skippedLines,
      String lastError,
      int version) {}

  public record Input(Boolean enabled, String url, Integer intervalHours, Integer version) {}

  @GET
  @APIResponse(responseCode = "200", description = "The blocklist's settings and last fetch")
  public View get() {
    return view(defense.blocklistSettings());
  }

  @PUT
  @APIResponse(responseCode = "200", description = "Saved, and the feed fetched (see lastError)")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public View update(Input input) {
    Input body = Requests.required(input);
    defense.updateBlocklist(
        body.version(),
        new BlocklistDraft(Boolean.TRUE.equals(body.enabled()), body.url(), body.intervalHours()),
        Requests.actor(security));
    return view(blocklist.sync());
  }

  @POST
  @Path("/sync")
  @APIResponse(responseCode = "200", description = "Fetched now (see lastError)")
  public View sync() {
    return view(blocklist.sync());
  }

  private static View view(BlocklistSettings s) {
    return new View(
        s.isEnabled(),
        s.getUrl(),
        s.getIntervalHours(),
        s.getLastSyncAt(),
        s.getLastEntries(),
        s.getLastSkipped(),
        s.getLastError(),
        s.getVersion());
  }
}
