package io.bulwark.pbx.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.system.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationContactDraftTest {

  private static List<String> fields(NotificationContactDraft draft) {
    return draft.violations().stream().map(FieldViolation::field).toList();
  }

  @Test
  void aContactNeedsANameAndAWayToBeTold() {
    assertEquals(List.of("name", "email"), fields(new NotificationContactDraft(" ", null, "")));
  }

  @Test
  void emailWebhookOrBothWill() {
    assertTrue(
        fields(new NotificationContactDraft("Night shift", "noc@example.com", null)).isEmpty());
    assertTrue(
        fields(new NotificationContactDraft("SIEM", null, "https://siem.example.com/hook?x=1"))
            .isEmpty());
    assertTrue(
        fields(new NotificationContactDraft("Both", "a@example.com", "http://127.0.0.1:9000/h"))
            .isEmpty());
  }

  @Test
  void onlyAPlainHttpUrlIsAWebhook() {
    for (String url :
        List.of(
            "ftp://example.com/x",
            "file:///etc/passwd",
            "https://user:pw@example.com/",
            "https:///nohost",
            "not a url",
            "https://example.com/#frag",
            "https://example.com/" + "a".repeat(600))) {
      assertEquals(
          List.of("webhookUrl"), fields(new NotificationContactDraft("x", null, url)), url);
    }
  }

  @Test
  void aWrongEmailIsNamed() {
    assertEquals(
        List.of("email"), fields(new NotificationContactDraft("x", "not-an-address", null)));
  }
}
