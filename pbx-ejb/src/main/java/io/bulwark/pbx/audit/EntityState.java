package io.bulwark.pbx.audit;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An entity's persistent fields as text, as the audit log shows them: secrets (passwords, keys,
 * PINs) never, only whether they changed; long values cut; references to other entities by id.
 */
final class EntityState {

  static final int MAX_VALUE = 500;
  static final String SECRET = "(secret)";
  static final String CHANGED_SECRET = "(secret, changed)";

  /**
   * Secrets are compared by a keyed digest: the key lives in this process only, so the digest,
   * which never leaves it either, could not be used to guess a short secret such as a PIN.
   */
  private static final byte[] DIGEST_KEY = new java.security.SecureRandom().generateSeed(32);

  private static final Pattern SECRET_FIELD =
      Pattern.compile(".*(password|secret|pin|key|hash|cipher|token).*");

  private EntityState() {}

  static Map<String, String> of(Object entity) {
    Map<String, String> state = new LinkedHashMap<>();
    add(state, "", entity);
    return state;
  }

  /** The fields of {@code object} under {@code prefix}; an embedded object's fields one by one. */
  private static void add(Map<String, String> state, String prefix, Object object) {
    for (Class<?> type = object.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers)
            || Modifier.isTransient(modifiers)
            || field.isAnnotationPresent(Version.class)
            || field.isSynthetic()) {
          continue;
        }
        String name = prefix + field.getName();
        try {
          field.setAccessible(true);
          Object value = field.get(object);
          if (value != null && value.getClass().isAnnotationPresent(Embeddable.class)) {
            add(state, name + ".", value);
          } else {
            state.put(name, text(field.getName(), value));
          }
        } catch (ReflectiveOperationException | RuntimeException e) {
          state.put(name, "?");
        }
      }
    }
  }

  /** The id of {@code entity}, as text; empty when it has none yet. */
  static String id(Object entity) {
    for (Class<?> type = entity.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.isAnnotationPresent(Id.class)) {
          try {
            field.setAccessible(true);
            Object id = field.get(entity);
            return id == null ? "" : id.toString();
          } catch (ReflectiveOperationException | RuntimeException e) {
            return "";
          }
        }
      }
    }
    return "";
  }

  /** The fields whose text differs, each with its text before and after. */
  static Map<String, String[]> changes(Map<String, String> before, Map<String, String> after) {
    Map<String, String[]> changed = new LinkedHashMap<>();
    for (Map.Entry<String, String> field : after.entrySet()) {
      String old = before.get(field.getKey());
      if (!field.getValue().equals(old)) {
        boolean secret = field.getValue().startsWith(SECRET);
        changed.put(
            field.getKey(),
            new String[] {
              old == null ? null : shown(old), secret ? CHANGED_SECRET : field.getValue()
            });
      }
    }
    return changed;
  }

  /** {@code text} as the log may show it: a secret's digest removed. */
  static String shown(String text) {
    return text.startsWith(SECRET) ? SECRET : text;
  }

  private static String text(String name, Object value) {
    if (value == null) {
      return "";
    }
    if (SECRET_FIELD.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
      // Equal secrets give equal text, so a change shows, but never the secret.
      return SECRET + digest(value);
    }
    if (value.getClass().isAnnotationPresent(Entity.class)) {
      return value.getClass().getSimpleName() + " " + id(value);
    }
    if (value instanceof Map<?, ?> map) {
      return cut(new TreeMap<>(stringKeys(map)).toString());
    }
    if (value instanceof Collection<?> collection) {
      List<String> items = new ArrayList<>();
      collection.forEach(item -> items.add(String.valueOf(item)));
      items.sort(null);
      return cut(items.toString());
    }
    if (value instanceof byte[]) {
      return SECRET + digest(value);
    }
    return cut(String.valueOf(value));
  }

  private static String digest(Object value) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(DIGEST_KEY, "HmacSHA256"));
      byte[] bytes =
          value instanceof byte[] raw
              ? raw
              : String.valueOf(value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return java.util.HexFormat.of().formatHex(mac.doFinal(bytes));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java", e);
    }
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> keyed = new LinkedHashMap<>();
    map.forEach((k, v) -> keyed.put(String.valueOf(k), v));
    return keyed;
  }

  private static String cut(String text) {
    return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE) + "…";
  }
}
