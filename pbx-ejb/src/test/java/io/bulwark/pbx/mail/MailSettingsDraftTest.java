package io.bulwark.pbx.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.system.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailSettingsDraftTest {

  private static List<String> fields(MailSettingsDraft draft) {
    return draft.violations().stream().map(FieldViolation::field).toList();
  }

  @Test
  void aServerWithASenderIsValid() {
    assertEquals(
        List.of(),
        fields(
            new MailSettingsDraft(
                "smtp.example.com",
                587,
                MailSecurity.STARTTLS,
                "pbx",
                "pw",
                "pbx@example.com",
                "PBX")));
  }

  @Test
  void anEmptyHostTurnsEmailOffAndNeedsNoSender() {
    MailSettingsDraft off =
        new MailSettingsDraft(" ", 587, MailSecurity.STARTTLS, null, null, null, null);
    assertEquals(List.of(), fields(off));
    assertEquals("email off", off.describe());
  }

  @Test
  void eachWrongFieldIsNamed() {
    assertEquals(
        List.of("host", "port", "security", "username", "fromAddress", "fromName"),
        fields(
            new MailSettingsDraft(
                "smtp example.com", 0, null, "a\nb", null, "not-an-address", "say \"hi\"")));
  }

  @Test
  void theEventNamesTheServerNeverThePassword() {
    assertEquals(
        "smtp.example.com:465 TLS as pbx",
        new MailSettingsDraft(
                "smtp.example.com", 465, MailSecurity.TLS, "pbx", "Secret-1", "a@example.com", null)
            .describe());
  }
}
