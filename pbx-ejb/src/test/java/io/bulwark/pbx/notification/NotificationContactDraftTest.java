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
    assertEquals(
        List.of("name", "email"), fields(new NotificationContactDraft(" ", null, "", " ", null)));
  }

  @Test
  void emailWebhookCallOrSeveralWill() {
    assertTrue(
        fields(new NotificationContactDraft("Night shift", "noc@example.com", null, null, null))
            .isEmpty());
    assertTrue(
        fields(
                new NotificationContactDraft(
                    "SIEM", null, "https://siem.example.com/hook?x=1", "", null))
            .isEmpty());
    assertTrue(
        fields(
                new NotificationContactDraft(
                    "Both", "a@example.com", "http://127.0.0.1:9000/h", null, null))
            .isEmpty());
    assertTrue(
        fields(new NotificationContactDraft("Duty phone", null, null, " 1001 ", null)).isEmpty());
    assertTrue(
        fields(new NotificationContactDraft("On call", null, null, null, "+491701234567"))
            .isEmpty());
  }

  @Test
  void aMobileNumberIsDigitsWithAtMostALeadingPlus() {
    for (String mobile :
        List.of("12", "+49 170 1234567", "0170-1234567", "tel:+4917012345", "++49170")) {
      assertEquals(
          List.of("callMobile"),
          fields(new NotificationContactDraft("x", null, null, null, mobile)),
          mobile);
    }
  }

  @Test
  void anExtensionToCallIsANumber() {
    for (String extension : List.of("10a1", "+4930", "1".repeat(17), "sip:1001@pbx")) {
      assertEquals(
          List.of("callExtension"),
          fields(new NotificationContactDraft("x", null, null, extension, null)),
          extension);
    }
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
          List.of("webhookUrl"),
          fields(new NotificationContactDraft("x", null, url, null, null)),
          url);
    }
  }

  @Test
  void aWrongEmailIsNamed() {
    assertEquals(
        List.of("email"),
        fields(new NotificationContactDraft("x", "not-an-address", null, null, null)));
  }
}
