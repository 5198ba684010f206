package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.event.EventSetting;
import io.bulwark.pbx.event.EventSettingDraft;
import io.bulwark.pbx.event.EventSettings;
import io.bulwark.pbx.event.EventTemplate;
import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.notification.NotificationContact;
import io.bulwark.pbx.notification.NotificationContactDraft;
import io.bulwark.pbx.notification.NotificationContacts;
import io.bulwark.pbx.notification.Notifier;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * System > Event Notification: the Event Type tab (each type's level, notification and template,
 * with a preview) and the Notification Contacts tab (email and signed webhook).
 */
@Named
@ViewScoped
public class EventNotificationView implements Serializable {

  @Inject private transient EventSettings settings;
  @Inject private transient NotificationContacts contacts;
  @Inject private transient Notifier notifier;

  private List<EventSetting> types;
  private List<NotificationContact> all;

  private EventType editedType;
  private int editedVersion;
  private EventType.Severity level;
  private boolean notification;
  private String subject;
  private String body;
  private EventTemplate.Rendered preview;

  private final EditedRecord edited = new EditedRecord("Notification contact", "contact");
  private String name;
  private String email;
  private String webhookUrl;
  private String callExtension;
  private String callMobile;
  private String newSecret;

  @PostConstruct
  void load() {
    types = settings.all();
    all = contacts.all();
  }

  public EventType.Category[] getCategories() {
    return EventType.Category.values();
  }

  public List<EventSetting> types(EventType.Category category) {
    return types.stream().filter(s -> s.getType().category() == category).toList();
  }

  public EventType.Severity[] getLevels() {
    return EventType.Severity.values();
  }

  public Map<String, String> getVariables() {
    return EventTemplate.VARIABLES;
  }

  public void editType(String type) {
    EventSetting setting = settings.of(EventType.valueOf(type));
    editedType = setting.getType();
    editedVersion = setting.getVersion();
    level = setting.getLevel();
    notification = setting.isNotify();
    subject = setting.template().subject();
    body = setting.template().body();
    preview = null;
  }

  public void saveType() {
    try {
      settings.update(
          editedType,
          editedVersion,
          new EventSettingDraft(level, notification, new EventTemplate(subject, body)),
          FormMessages.actor());
      FormMessages.info(editedType.getLabel() + " saved");
      editedType = null;
      load();
    } catch (InvalidInputException e) {
      FormMessages.fields("type", e.violations());
    } catch (ConcurrentChangeException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public void previewType() {
    try {
      preview = settings.preview(editedType, new EventTemplate(subject, body));
    } catch (InvalidInputException e) {
      preview = null;
      FormMessages.fields("type", e.violations());
    }
  }

  /** Puts the shipped words back in the form; saving keeps them. */
  public void defaultTemplate() {
    subject = EventTemplate.DEFAULT.subject();
    body = EventTemplate.DEFAULT.body();
    preview = null;
  }

  public void cancelType() {
    editedType = null;
    preview = null;
  }

  public void editContact(long id) {
    edited
        .ifStillThere(() -> contacts.get(id))
        .ifPresent(
            c -> {
              edited.edit(c.getId(), c.getVersion(), c.getName());
              name = c.getName();
              email = c.getEmail();
              webhookUrl = c.getWebhookUrl();
              callExtension = c.getCallExtension();
              callMobile = c.getCallMobile();
              newSecret = null;
            });
  }

  public void saveContact() {
    NotificationContactDraft draft =
        new NotificationContactDraft(name, email, webhookUrl, callExtension, callMobile);
    String[] secret = new String[1];
    if (edited.save(
        name,
        actor -> secret[0] = contacts.create(draft, actor).newSecret(),
        (id, version, actor) ->
            secret[0] = contacts.update(id, version, draft, actor).newSecret())) {
      clearContact();
      newSecret = secret[0];
    }
    load();
  }

  public void rotateSecret(long id) {
    try {
      newSecret = contacts.rotateSecret(id, FormMessages.actor()).newSecret();
    } catch (NotFoundException e) {
      FormMessages.error(e.getMessage());
    } catch (InvalidInputException e) {
      FormMessages.error(e.violations().get(0).message());
    }
  }

  public void test(long id, String shownName) {
    try {
      notifier.sendTest(id, FormMessages.actor());
      FormMessages.info("Test notification sent to " + shownName);
    } catch (NotFoundException | UnavailableException e) {
      FormMessages.error(e.getMessage());
    }
  }

  public void deleteContact(long id, String shownName) {
    edited.delete(shownName, actor -> contacts.delete(id, actor));
    if (edited.isEditing(id)) {
      clearContact();
    }
    load();
  }

  public void clearContact() {
    edited.clear();
    name = null;
    email = null;
    webhookUrl = null;
    callExtension = null;
    callMobile = null;
    newSecret = null;
  }

  public List<NotificationContact> getContacts() {
    return all;
  }

  public boolean isEditingContact() {
    return edited.isEditing();
  }

  public EventType getEditedType() {
    return editedType;
  }

  public EventTemplate.Rendered getPreview() {
    return preview;
  }

  public String getNewSecret() {
    return newSecret;
  }

  public EventType.Severity getLevel() {
    return level;
  }

  public void setLevel(EventType.Severity level) {
    this.level = level;
  }

  public boolean isNotification() {
    return notification;
  }

  public void setNotification(boolean notification) {
    this.notification = notification;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getWebhookUrl() {
    return webhookUrl;
  }

  public void setWebhookUrl(String webhookUrl) {
    this.webhookUrl = webhookUrl;
  }

  public String getCallExtension() {
    return callExtension;
  }

  public void setCallExtension(String callExtension) {
    this.callExtension = callExtension;
  }

  public String getCallMobile() {
    return callMobile;
  }

  public void setCallMobile(String callMobile) {
    this.callMobile = callMobile;
  }
}
