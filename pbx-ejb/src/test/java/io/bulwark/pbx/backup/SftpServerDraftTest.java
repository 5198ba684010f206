package io.bulwark.pbx.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.system.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

class SftpServerDraftTest {

  private static final String KEY = "SHA256:" + "Ab1+/".repeat(8) + "xyz";

  private static List<String> fields(SftpServerDraft draft, boolean passwordSaved) {
    return draft.violations(passwordSaved).stream().map(FieldViolation::field).toList();
  }

  @Test
  void aServerInUseNeedsEveryFieldAndItsHostKey() {
    assertEquals(
        List.of("host", "username", "password", "hostKey"),
        fields(new SftpServerDraft(true, "", 22, "", null, "backups", ""), false));
    assertEquals(
        List.of(),
        fields(
            new SftpServerDraft(true, "nas.example.com", 22, "pbx", "secret", "backups", KEY),
            false));
  }

  @Test
  void aSavedPasswordIsKeptWhenNoneIsTyped() {
    assertEquals(
        List.of(),
        fields(new SftpServerDraft(true, "192.0.2.10", 2222, "pbx", "", "/srv/pbx", KEY), true));
  }

  @Test
  void aServerSwitchedOffMayBeHalfFilledInButNotWrong() {
    assertEquals(
        List.of(), fields(new SftpServerDraft(false, "", null, "", null, "backups", ""), false));
    assertEquals(
        List.of("host", "port", "hostKey"),
        fields(
            new SftpServerDraft(false, "nas;rm -rf", 70000, "", null, "backups", "MD5:aa"), false));
  }

  @Test
  void theFolderStaysInsideWhatTheUserMayReach() {
    for (String folder : List.of("../etc", "backups/../..", "a//b", "", "back ups", "~root")) {
      assertEquals(
          List.of("directory"),
          fields(new SftpServerDraft(true, "nas", 22, "pbx", "pw", folder, KEY), false),
          folder);
    }
    for (String folder : List.of("backups", "/srv/pbx/backups", "pbx/backups/", "./pbx")) {
      assertEquals(
          List.of(),
          fields(new SftpServerDraft(true, "nas", 22, "pbx", "pw", folder, KEY), false),
          folder);
    }
  }

  @Test
  void theFingerprintIsTheSha256FormSshKeygenPrints() {
    assertEquals(
        List.of("hostKey"),
        fields(new SftpServerDraft(true, "nas", 22, "pbx", "pw", "b", "SHA256:short"), false));
    assertEquals(
        List.of(),
        fields(new SftpServerDraft(true, "nas", 22, "pbx", "pw", "b", " " + KEY + " "), false));
  }
}
