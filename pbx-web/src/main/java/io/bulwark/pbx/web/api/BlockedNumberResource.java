package io.bulwark.pbx.web.api;

import io.bulwark.pbx.callpolicy.BlockedNumber;
import io.bulwark.pbx.callpolicy.BlockedNumberDraft;
import io.bulwark.pbx.callpolicy.BlockedNumberService;
import io.bulwark.pbx.callpolicy.PremiumRatePresets;
import io.bulwark.pbx.identity.Area;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/blocked-numbers}: the guide's Blocked Numbers, numbers and dial patterns no
 * outbound call may reach, whatever route it takes.
 */
@Path("/blocked-numbers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.CALL_SECURITY)
public class BlockedNumberResource {

  @Inject private BlockedNumberService blocked;
  @Context private SecurityContext security;

  /** Blocked numbers; {@code version} is sent back with a change. */
  public record BlockedView(long id, String name, List<String> patterns, int version) {}

  /** {@code patterns}: numbers or dial patterns as the outbound routes take them. */
  public record BlockedInput(String name, List<String> patterns, Integer version) {
    BlockedNumberDraft draft() {
      return new BlockedNumberDraft(name, patterns);
    }
  }

  @GET
  @APIResponse(responseCode = "200", description = "Every list of blocked numbers, by name")
  public List<BlockedView> all() {
    return blocked.all().stream().map(BlockedNumberResource::view).toList();
  }

  @GET
  @Path("/presets")
  @APIResponse(
      responseCode = "200",
      description = "Premium-rate ranges toll fraud dials, ready to be posted as blocked numbers")
  public List<PremiumRatePresets.Preset> presets() {
    return PremiumRatePresets.ALL;
  }

  @POST
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors says which",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response create(BlockedInput input, @Context UriInfo uri) {
    BlockedNumber created =
        blocked.create(Requests.required(input).draft(), Requests.actor(security));
    return Created.at(uri, created.getId(), view(created));
  }

  @PUT
  @Path("/{id}")
  @APIResponse(responseCode = "200", description = "As changed")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors says which",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No blocked numbers with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public BlockedView update(@PathParam("id") long id, BlockedInput input) {
    BlockedInput body = Requests.required(input);
    return view(blocked.update(id, body.version(), body.draft(), Requests.actor(security)));
  }

  @DELETE
  @Path("/{id}")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(
      responseCode = "404",
      description = "No blocked numbers with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public void delete(@PathParam("id") long id) {
    blocked.delete(id, Requests.actor(security));
  }

  private static BlockedView view(BlockedNumber b) {
    return new BlockedView(b.getId(), b.getName(), b.getPatterns(), b.getVersion());
  }
}
