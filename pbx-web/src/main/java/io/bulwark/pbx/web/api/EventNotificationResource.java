package io.bulwark.pbx.web.api;

import io.bulwark.pbx.event.EventSetting;
import io.bulwark.pbx.event.EventSettingDraft;
import io.bulwark.pbx.event.EventSettings;
import io.bulwark.pbx.event.EventTemplate;
import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.notification.NotificationContact;
import io.bulwark.pbx.notification.NotificationContactDraft;
import io.bulwark.pbx.notification.NotificationContacts;
import io.bulwark.pbx.notification.Notifier;
import io.bulwark.pbx.system.NotFoundException;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/event-notification}: System > Event Notification. {@code event-types} are the
 * level, notification and template of each type of event; {@code contacts} are who is told, by
 * email and by webhook.
 */
@Path("/event-notification")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.EVENT_LOGS)
public class EventNotificationResource {

  @Inject private EventSettings settings;
  @Inject private NotificationContacts contacts;
  @Inject private Notifier notifier;
  @Context private SecurityContext security;

  /**
   * @param category SECURITY, SYSTEM or OPERATIONS
   * @param level ALERT, WARNING or INFO
   * @param notification whether contacts are told
   * @param defaultTemplate whether subject and body are the ones Bulwark ships
   */
  public record TypeView(
      String type,
      String label,
      String category,
      String level,
      String defaultLevel,
      boolean notification,
      String subject,
      String body,
      boolean defaultTemplate,
      int version) {

    static TypeView of(EventSetting s) {
      return new TypeView(
          s.getType().name(),
          s.getType().getLabel(),
          s.getType().category().name(),
          s.getLevel().name(),
          s.getType().severity().name(),
          s.isNotify(),
          s.template().subject(),
          s.template().body(),
          s.isDefaultTemplate(),
          s.getVersion());
    }
  }

  /** Leave out subject and body to go back to the template Bulwark ships. */
  public record TypeInput(
      String level, Boolean notification, String subject, String body, Integer version) {}

  public record TemplateInput(String subject, String body) {}

  /** The words a contact would get. */
  public record Preview(String subject, String body) {}

  /** {@code webhookSecret} is only in the answer that made the secret, and never again. */
  public record ContactView(
      long id,
      String name,
      String email,
      String webhookUrl,
      String callExtension,
      String callMobile,
      String webhookSecret,
      int version) {

    static ContactView of(NotificationContact c, String newSecret) {
      return new ContactView(
          c.getId(),
          c.getName(),
          c.getEmail(),
          c.getWebhookUrl(),
          c.getCallExtension(),
          c.getCallMobile(),
          newSecret,
          c.getVersion());
    }
  }

  /**
   * {@code callExtension}: an extension called to hear the event spoken; {@code callMobile}: an
   * outside number called for it through the first outbound route whose pattern takes it.
   */
  public record ContactInput(
      String name,
      String email,
      String webhookUrl,
      String callExtension,
      String callMobile,
      Integer version) {
    NotificationContactDraft draft() {
      return new NotificationContactDraft(name, email, webhookUrl, callExtension, callMobile);
    }
  }

  @GET
  @Path("/event-types")
  @APIResponse(responseCode = "200", description = "Every type of event and how it is treated")
  public List<TypeView> types() {
    return settings.all().stream().map(TypeView::of).toList();
  }

  @GET
  @Path("/event-types/{type}")
  @APIResponse(responseCode = "200", description = "How the type is treated")
  @APIResponse(
      responseCode = "404",
      description = "No such type",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public TypeView type(@PathParam("type") String type) {
    return TypeView.of(settings.of(eventType(type)));
  }

  @PUT
  @Path("/event-types/{type}")
  @APIResponse(responseCode = "200", description = "As changed")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors says which",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No such type",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public TypeView update(@PathParam("type") String type, TypeInput input) {
    EventType chosen = eventType(type);
    TypeInput body = Requests.required(input);
    EventTemplate template =
        body.subject() == null && body.body() == null
            ? null
            : new EventTemplate(body.subject(), body.body());
    EventSettingDraft draft =
        new EventSettingDraft(
            Requests.constant(EventType.Severity.class, body.level(), "level"),
            body.notification() == null ? settings.of(chosen).isNotify() : body.notification(),
            template);
    return TypeView.of(settings.update(chosen, body.version(), draft, Requests.actor(security)));
  }

  @POST
  @Path("/event-types/{type}/preview")
  @APIResponse(responseCode = "200", description = "The template filled in for an example event")
  @APIResponse(
      responseCode = "400",
      description = "The template is wrong; errors says where",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Preview preview(@PathParam("type") String type, TemplateInput input) {
    EventType chosen = eventType(type);
    TemplateInput body = Requests.required(input);
    EventTemplate.Rendered words =
        settings.preview(chosen, new EventTemplate(body.subject(), body.body()));
    return new Preview(words.subject(), words.body());
  }

  @GET
  @Path("/contacts")
  @APIResponse(responseCode = "200", description = "Every contact, by name")
  public List<ContactView> contacts() {
    return contacts.all().stream().map(c -> ContactView.of(c, null)).toList();
  }

  @POST
  @Path("/contacts")
  @APIResponse(
      responseCode = "201",
      description = "Created; with a webhook, webhookSecret holds its secret, shown this once")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors says which",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response create(ContactInput input, @Context UriInfo uri) {
    NotificationContacts.Saved saved =
        contacts.create(Requests.required(input).draft(), Requests.actor(security));
    return Created.at(
        uri, saved.contact().getId(), ContactView.of(saved.contact(), saved.newSecret()));
  }

  @PUT
  @Path("/contacts/{id}")
  @APIResponse(responseCode = "200", description = "As changed")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors says which",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No contact with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public ContactView update(@PathParam("id") long id, ContactInput input) {
    ContactInput body = Requests.required(input);
    NotificationContacts.Saved saved =
        contacts.update(id, body.version(), body.draft(), Requests.actor(security));
    return ContactView.of(saved.contact(), saved.newSecret());
  }

  @DELETE
  @Path("/contacts/{id}")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(
      responseCode = "404",
      description = "No contact with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public void delete(@PathParam("id") long id) {
    contacts.delete(id, Requests.actor(security));
  }

  @POST
  @Path("/contacts/{id}/webhook-secret")
  @APIResponse(
      responseCode = "200",
      description = "A new secret, shown this once; the old one no longer signs")
  @APIResponse(
      responseCode = "400",
      description = "The contact has no webhook",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No contact with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Map<String, String> rotateSecret(@PathParam("id") long id) {
    return Map.of("webhookSecret", contacts.rotateSecret(id, Requests.actor(security)).newSecret());
  }

  @POST
  @Path("/contacts/{id}/test")
  @APIResponse(responseCode = "204", description = "Sent by each of the contact's methods")
  @APIResponse(
      responseCode = "404",
      description = "No contact with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "503",
      description = "A method failed; detail says which and why",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public void test(@PathParam("id") long id) {
    notifier.sendTest(id, Requests.actor(security));
  }

  private static EventType eventType(String name) {
    for (EventType type : EventType.values()) {
      if (type.name().equalsIgnoreCase(name)) {
        return type;
      }
    }
    throw new NotFoundException(
        "No event type has this name; GET /api/v1/event-notification/event-types lists them");
  }
}
