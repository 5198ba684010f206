package io.bulwark.pbx.notification;

import io.bulwark.pbx.event.EventSetting;
import io.bulwark.pbx.event.EventSettings;
import io.bulwark.pbx.event.EventTemplate;
import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.GatheredEvents;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.mail.Html;
import io.bulwark.pbx.mail.MailMessage;
import io.bulwark.pbx.mail.MailService;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Tells the notification contacts of each event whose type has notification on, in the words of its
 * template: by email, by signed webhook, and by a call to an extension or a mobile number that
 * speaks them. Runs outside any transaction, so a slow receiver holds no database lock; a delivery
 * that fails is an event of its own, a call's once it has ended.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Notifier {

  private static final Logger LOG = Logger.getLogger(Notifier.class);

  /** Ringing, then the message: a test waits for the call to end to say how it went. */
  private static final long TEST_CALL_SECONDS = 90;

  @Inject private EventSettings settings;
  @Inject private NotificationContacts contacts;
  @Inject private NotificationBudget budget;
  @Inject private MailService mail;
  @Inject private NotificationCalls calls;
  @Inject private SecurityEvents events;
  @Inject private Clock clock;

  public void onEvent(@ObservesAsync SecurityEvent event) {
    deliver(event);
  }

  /** The events the event gate gathered and recorded in one batch. */
  public void onGathered(@ObservesAsync GatheredEvents gathered) {
    gathered.events().forEach(this::deliver);
  }

  private void deliver(SecurityEvent event) {
    EventSetting setting = settings.of(event.type());
    if (!setting.isNotify()) {
      return;
    }
    List<NotificationContacts.Recipient> recipients = contacts.recipients();
    if (recipients.isEmpty()) {
      return;
    }
    NotificationThrottle.Decision decision = budget.throttle().take(event.type());
    if (!decision.send()) {
      return;
    }
    EventTemplate.Rendered words = setting.template().render(event, setting.getLevel());
    String body =
        decision.heldBack() == 0
            ? words.body()
            : words.body()
                + "\n\n"
                + decision.heldBack()
                + " more events of this type were not sent, to keep the mail from flooding;"
                + " the event log has them all.";
    String json = json(event, setting.getLevel(), words.subject(), body);
    List<String> failures = new ArrayList<>();
    Speaking speaking = new Speaking(words.subject(), body);
    for (NotificationContacts.Recipient recipient : recipients) {
      failures.addAll(send(recipient, words.subject(), body, json));
      for (NotificationCalls.Callee callee : callees(recipient)) {
        try {
          calls
              .call(callee, speaking.message())
              .whenComplete(
                  (spoken, failure) -> {
                    if (failure != null) {
                      notDelivered(event.type(), List.of(callFailure(recipient, callee, failure)));
                    }
                  });
        } catch (UnavailableException e) {
          failures.add(callFailure(recipient, callee, e));
        }
      }
    }
    notDelivered(event.type(), failures);
  }

  private void notDelivered(EventType type, List<String> failures) {
    if (!failures.isEmpty() && type != EventType.NOTIFICATION_FAILED) {
      events.fireAsync(
          new SecurityEvent(
              clock.instant(),
              EventType.NOTIFICATION_FAILED,
              null,
              null,
              "notify",
              type.getLabel() + " not delivered: " + String.join("; ", failures)));
    }
  }

  /** The words of one event spoken once, when the first contact to be called needs them. */
  private static final class Speaking {
    private final String text;
    private SpokenMessage message;

    Speaking(String subject, String body) {
      this.text = Speech.text(subject, body);
    }

    SpokenMessage message() {
      if (message == null) {
        message = Speech.say(text);
      }
      return message;
    }
  }

  /** Whom a contact's calls go to: its extension, then its mobile number. */
  private static List<NotificationCalls.Callee> callees(NotificationContacts.Recipient recipient) {
    List<NotificationCalls.Callee> callees = new ArrayList<>();
    if (recipient.callExtension() != null) {
      callees.add(NotificationCalls.Callee.extension(recipient.callExtension()));
    }
    if (recipient.callMobile() != null) {
      callees.add(NotificationCalls.Callee.outside(recipient.callMobile()));
    }
    return callees;
  }

  private static String callFailure(
      NotificationContacts.Recipient recipient,
      NotificationCalls.Callee callee,
      Throwable failure) {
    Throwable cause =
        failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return "call to " + callee + " of " + recipient.name() + ": " + cause.getMessage();
  }

  /**
   * Sends a test notification to one contact by each of its methods, so an administrator sees them
   * work.
   *
   * @throws UnavailableException naming each method that failed
   */
  public void sendTest(long contactId, String actor) {
    NotificationContacts.Recipient recipient = contacts.recipient(contactId);
    String subject = "[Bulwark PBX] Test notification";
    String body =
        "This is how Bulwark PBX tells "
            + recipient.name()
            + " of events. Sent at the request of "
            + actor
            + ".";
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("event", "TEST")
            .add("time", clock.instant().toString())
            .add("subject", subject)
            .add("text", body);
    List<String> failures =
        new ArrayList<>(send(recipient, subject, body, json.build().toString()));
    Speaking speaking = new Speaking(subject, body);
    for (NotificationCalls.Callee callee : callees(recipient)) {
      try {
        calls
            .call(callee, speaking.message())
            .toCompletableFuture()
            .get(TEST_CALL_SECONDS, TimeUnit.SECONDS);
      } catch (UnavailableException | ExecutionException | TimeoutException e) {
        failures.add(
            callFailure(recipient, callee, e instanceof ExecutionException ? e.getCause() : e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.add(callFailure(recipient, callee, e));
      }
    }
    if (!failures.isEmpty()) {
      throw new UnavailableException(String.join("; ", failures));
    }
  }

  /** What failed, one entry per method, in words for the event log. */
  private List<String> send(
      NotificationContacts.Recipient recipient, String subject, String body, String json) {
    List<String> failures = new ArrayList<>();
    if (recipient.email() != null) {
      try {
        mail.send(List.of(new MailMessage(recipient.email(), subject, body, html(body))));
      } catch (UnavailableException e) {
        failures.add("email to " + recipient.name() + ": " + e.getMessage());
      }
    }
    if (recipient.webhookUrl() != null && recipient.secret() != null) {
      try {
        WebhookSender.post(recipient.webhookUrl(), recipient.secret(), json, clock);
      } catch (IOException | IllegalArgumentException e) {
        LOG.warnf("Webhook of %s at %s failed: %s", recipient.name(), recipient.webhookUrl(), e);
        failures.add(
            "webhook of "
                + recipient.name()
                + ": "
                + (e.getMessage() == null || e.getMessage().isBlank()
                    ? "it cannot be reached"
                    : e.getMessage()));
      }
    }
    return failures;
  }

  private static String json(
      SecurityEvent event, EventType.Severity level, String subject, String text) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("event", event.type().name())
            .add("label", event.type().getLabel())
            .add("category", event.type().category().name())
            .add("level", level.name())
            .add("time", event.occurredAt().toString());
    addIfSet(json, "ip", event.sourceIp());
    addIfSet(json, "identity", event.identity());
    addIfSet(json, "action", event.action());
    addIfSet(json, "detail", event.detail());
    return json.add("subject", subject).add("text", text).build().toString();
  }

  private static void addIfSet(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }

  private static String html(String text) {
    return "<pre style=\"font-family:inherit;white-space:pre-wrap\">"
        + Html.escape(text)
        + "</pre>";
  }
}
