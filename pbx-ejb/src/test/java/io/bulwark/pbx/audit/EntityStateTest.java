package io.bulwark.pbx.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntityStateTest {

  @Embeddable
  static class Limits {
    int calls = 2;
  }

  @Entity
  static class Sample {
    @Id Long id = 7L;
    String host = "a.example";
    String encryptedSecret = "cipher-1";
    String pin = "1234";
    Set<String> members = Set.of("1002", "1001");
    Limits limits = new Limits();
    transient String ignored = "x";
    @Version int version = 3;
    static String constant = "c";
  }

  @Test
  void fieldsAreTextSecretsNeverEmbeddedOnesFlattened() {
    Map<String, String> state = EntityState.of(new Sample());
    assertEquals(
        List.of("id", "host", "encryptedSecret", "pin", "members", "limits.calls"),
        List.copyOf(state.keySet()));
    assertEquals("a.example", state.get("host"));
    assertEquals("[1001, 1002]", state.get("members"));
    assertEquals("2", state.get("limits.calls"));
    assertFalse(state.get("pin").contains("1234"));
    assertFalse(state.get("encryptedSecret").contains("cipher-1"));
    assertEquals("7", EntityState.id(new Sample()));
  }

  @Test
  void changesNameOnlyChangedFieldsAndASecretOnlyAsChanged() {
    Sample sample = new Sample();
    Map<String, String> before = EntityState.of(sample);
    sample.host = "b.example";
    sample.encryptedSecret = "cipher-2";
    sample.limits.calls = 3;
    Map<String, String[]> changes = EntityState.changes(before, EntityState.of(sample));
    assertEquals(List.of("host", "encryptedSecret", "limits.calls"), List.copyOf(changes.keySet()));
    assertArrayEquals(new String[] {"a.example", "b.example"}, changes.get("host"));
    assertArrayEquals(
        new String[] {EntityState.SECRET, EntityState.CHANGED_SECRET},
        changes.get("encryptedSecret"));
    assertEquals(Map.of(), EntityState.changes(EntityState.of(sample), EntityState.of(sample)));
  }

  @Test
  void equalSecretsLookEqualDifferentOnesDoNot() {
    Sample one = new Sample();
    Sample two = new Sample();
    assertEquals(EntityState.of(one).get("pin"), EntityState.of(two).get("pin"));
    two.pin = "1235";
    assertNotEquals(EntityState.of(one).get("pin"), EntityState.of(two).get("pin"));
  }
}
