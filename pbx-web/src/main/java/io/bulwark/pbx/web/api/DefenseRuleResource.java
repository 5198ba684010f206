package io.bulwark.pbx.web.api;

import io.bulwark.pbx.defense.AddressCheck;
import io.bulwark.pbx.defense.AutoDefenseRule;
import io.bulwark.pbx.defense.AutoDefenseRuleDraft;
import io.bulwark.pbx.defense.DecoyExtension;
import io.bulwark.pbx.defense.DefenseRuleService;
import io.bulwark.pbx.defense.DefenseTable;
import io.bulwark.pbx.defense.Protocol;
import io.bulwark.pbx.defense.RuleAction;
import io.bulwark.pbx.defense.Service;
import io.bulwark.pbx.defense.StaticRule;
import io.bulwark.pbx.defense.StaticRuleDraft;
import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.web.http.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/defense/static-rules} and {@code /api/v1/defense/auto-rules}: the firewall's
 * rules. Changes take effect on the next packet once saved. A static rule change that would refuse
 * the caller's own address on the web is refused.
 */
@Path("/defense")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.SECURITY)
public class DefenseRuleResource {

  @Inject private DefenseRuleService rules;
  @Inject private DefenseTable defenses;
  @Context private SecurityContext security;
  @Context private HttpServletRequest request;

  /**
   * A static rule; {@code ports} is set for the service PORTS only; {@code sourceNote} tells what a
   * domain name stood for at its last look-up, or that a MAC address is matched by the kernel
   * backend only (null for an address or network).
   */
  public record StaticView(
      long id,
      String name,
      String source,
      String protocol,
      String service,
      String ports,
      String action,
      int position,
      String sourceNote,
      int version) {}

  /** {@code version}: the one read, to refuse a change saved by someone else since. */
  public record StaticInput(
      String name,
      String source,
      String protocol,
      String service,
      String ports,
      String action,
      Integer position,
      Integer version) {

    StaticRuleDraft draft() {
      return new StaticRuleDraft(
          name,
          source,
          Requests.constant(Protocol.class, protocol, "protocol"),
          Requests.constant(Service.class, service, "service"),
          ports,
          Requests.constant(RuleAction.class, action, "action"),
          position);
    }
  }

  /** An auto defense rule: more than {@code packets} in {@code seconds} blocks the source. */
  public record AutoView(
      long id,
      String name,
      String protocol,
      String service,
      String ports,
      int packets,
      int seconds,
      int version) {}

  public record AutoInput(
      String name,
      String protocol,
      String service,
      String ports,
      Integer packets,
      Integer seconds,
      Integer version) {

    AutoDefenseRuleDraft draft() {
      return new AutoDefenseRuleDraft(
          name,
          Requests.constant(Protocol.class, protocol, "protocol"),
          Requests.constant(Service.class, service, "service"),
          ports,
          packets,
          seconds);
    }
  }

  @GET
  @Path("/static-rules")
  @APIResponse(responseCode = "200", description = "Static defense rules, in the order applied")
  public List<StaticView> staticRules() {
    return rules.staticRules().stream().map(this::view).toList();
  }

  @POST
  @Path("/static-rules")
  @APIResponse(responseCode = "201", description = "Created; Location names the rule")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong, or the rule would refuse the caller on the web",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response createStatic(StaticInput input, @Context UriInfo uri) {
    StaticRule created =
        rules.createStatic(
            Requests.required(input).draft(), Requests.actor(security), ClientAddress.of(request));
    return Created.at(uri, created.getId(), view(created));
  }

  @PUT
  @Path("/static-rules/{id}")
  @APIResponse(responseCode = "200", description = "The rule as changed")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong, or the rule would refuse the caller on the web",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No rule with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public StaticView updateStatic(@PathParam("id") long id, StaticInput input) {
    StaticInput body = Requests.required(input);
    return view(
        rules.updateStatic(
            id, body.version(), body.draft(), Requests.actor(security), ClientAddress.of(request)));
  }

  @DELETE
  @Path("/static-rules/{id}")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(
      responseCode = "400",
      description = "Without the rule the caller would be refused on the web",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No rule with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public void deleteStatic(@PathParam("id") long id) {
    rules.deleteStatic(id, Requests.actor(security), ClientAddress.of(request));
  }

  @GET
  @Path("/auto-rules")
  @APIResponse(responseCode = "200", description = "Auto defense rules")
  public List<AutoView> autoRules() {
    return rules.autoRules().stream().map(DefenseRuleResource::view).toList();
  }

  @POST
  @Path("/auto-rules")
  @APIResponse(responseCode = "201", description = "Created; Location names the rule")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response createAuto(AutoInput input, @Context UriInfo uri) {
    AutoDefenseRule created =
        rules.createAuto(Requests.required(input).draft(), Requests.actor(security));
    return Created.at(uri, created.getId(), view(created));
  }

  @PUT
  @Path("/auto-rules/{id}")
  @APIResponse(responseCode = "200", description = "The rule as changed")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No rule with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public AutoView updateAuto(@PathParam("id") long id, AutoInput input) {
    AutoInput body = Requests.required(input);
    return view(rules.updateAuto(id, body.version(), body.draft(), Requests.actor(security)));
  }

  @DELETE
  @Path("/auto-rules/{id}")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(
      responseCode = "404",
      description = "No rule with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public void deleteAuto(@PathParam("id") long id) {
    rules.deleteAuto(id, Requests.actor(security));
  }

  /** A decoy extension: a number no phone uses. */
  public record DecoyView(long id, String number, String note) {}

  public record DecoyInput(String number, String note) {}

  /** What would happen to a packet from an address on one of Bulwark's services, and why. */
  public record CheckView(
      String service, String protocol, int port, boolean admitted, String because) {}

  @GET
  @Path("/decoys")
  @APIResponse(responseCode = "200", description = "Decoy extensions")
  public List<DecoyView> decoys() {
    return rules.decoys().stream()
        .map(d -> new DecoyView(d.getId(), d.getNumber(), d.getNote()))
        .toList();
  }

  @POST
  @Path("/decoys")
  @APIResponse(responseCode = "201", description = "Created; Location names the decoy")
  @APIResponse(
      responseCode = "400",
      description = "Not 1 to 16 digits, an extension's number, or a decoy already",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response createDecoy(DecoyInput input, @Context UriInfo uri) {
    DecoyInput body = Requests.required(input);
    DecoyExtension created =
        rules.createDecoy(body.number(), body.note(), Requests.actor(security));
    return Created.at(
        uri,
        created.getId(),
        new DecoyView(created.getId(), created.getNumber(), created.getNote()));
  }

  @DELETE
  @Path("/decoys/{id}")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(
      responseCode = "404",
      description = "No decoy with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public void deleteDecoy(@PathParam("id") long id) {
    rules.deleteDecoy(id, Requests.actor(security));
  }

  @GET
  @Path("/check")
  @APIResponse(
      responseCode = "200",
      description = "What SIP over UDP and TCP, HTTPS and HTTP would do with the address, and why")
  @APIResponse(
      responseCode = "400",
      description = "Not an IP address",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public List<CheckView> check(@QueryParam("address") String address) {
    return AddressCheck.of(defenses, address).stream()
        .map(
            c ->
                new CheckView(
                    c.service(),
                    c.protocol().name(),
                    c.port(),
                    c.verdict().admitted(),
                    c.verdict().because()))
        .toList();
  }

  private StaticView view(StaticRule r) {
    return new StaticView(
        r.getId(),
        r.getName(),
        r.getSource(),
        r.getScope().getProtocol().name(),
        r.getScope().getService().name(),
        r.getScope().getPorts() == null ? null : r.getScope().getPorts().toString(),
        r.getAction().name(),
        r.getPosition(),
        defenses.sourceNote(r),
        r.getVersion());
  }

  private static AutoView view(AutoDefenseRule r) {
    return new AutoView(
        r.getId(),
        r.getName(),
        r.getScope().getProtocol().name(),
        r.getScope().getService().name(),
        r.getScope().getPorts() == null ? null : r.getScope().getPorts().toString(),
        r.getPackets(),
        r.getSeconds(),
        r.getVersion());
  }
}
