package io.bulwark.pbx.web.api;

import io.bulwark.pbx.callpolicy.FrequencyRule;
import io.bulwark.pbx.callpolicy.FrequencyRuleDraft;
import io.bulwark.pbx.callpolicy.FrequencyRuleService;
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
 * {@code /api/v1/call-policy/frequency-rules}: custom outbound call frequency rules, which an
 * extension follows instead of the default one when its {@code restrictions.frequencyRuleId} names
 * the rule.
 */
@Path("/call-policy/frequency-rules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.CALL_SECURITY)
public class FrequencyRuleResource {

  @Inject private FrequencyRuleService rules;
  @Context private SecurityContext security;

  /** At most {@code calls} outbound calls in {@code seconds}; {@code version} for a change. */
  public record RuleView(long id, String name, int calls, int seconds, int version) {}

  public record RuleInput(String name, Integer calls, Integer seconds, Integer version) {
    FrequencyRuleDraft draft() {
      return new FrequencyRuleDraft(name, calls, seconds);
    }
  }

  @GET
  @APIResponse(responseCode = "200", description = "Every custom rule, by name")
  public List<RuleView> all() {
    return rules.all().stream().map(FrequencyRuleResource::view).toList();
  }

  @POST
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors says which",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response create(RuleInput input, @Context UriInfo uri) {
    FrequencyRule created =
        rules.create(Requests.required(input).draft(), Requests.actor(security));
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
      description = "No rule with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public RuleView update(@PathParam("id") long id, RuleInput input) {
    RuleInput body = Requests.required(input);
    return view(rules.update(id, body.version(), body.draft(), Requests.actor(security)));
  }

  @DELETE
  @Path("/{id}")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(
      responseCode = "404",
      description = "No rule with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Extensions follow the rule; detail names them",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public void delete(@PathParam("id") long id) {
    rules.delete(id, Requests.actor(security));
  }

  private static RuleView view(FrequencyRule r) {
    return new RuleView(r.getId(), r.getName(), r.getCalls(), r.getSeconds(), r.getVersion());
  }
}
