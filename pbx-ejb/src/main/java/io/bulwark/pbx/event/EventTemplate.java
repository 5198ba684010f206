package io.bulwark.pbx.event;

import io.bulwark.pbx.system.FieldViolation;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a notification: a subject and a body in which {@code {{name}}} stands for a detail
 * of the event. Only the names in {@link #VARIABLES} exist; any other is refused when saved, so a
 * typo shows at once and not in the first alert.
 */
public record EventTemplate(String subject, String body) {

  public static final int MAX_SUBJECT = 200;
  public static final int MAX_BODY = 4000;

  /** The variables and what each stands for. */
  public static final Map<String, String> VARIABLES = variables();

  public static final EventTemplate DEFAULT =
      new EventTemplate(
          "[Bulwark PBX] {{level}}: {{event}}",
          """
          {{event}} ({{level}}) at {{time}}

          Source IP: {{ip}}
          Concerning: {{identity}}
          Action: {{action}}
          {{detail}}

          The event log of the portal lists it with the events around it.""");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]*)\\s*}}");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private static Map<String, String> variables() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("event", "the event's name, such as Web user blocked out");
    names.put("level", "Alert, Warning or Info");
    names.put("time", "when it happened, in UTC");
    names.put("ip", "the source address, or - when none");
    names.put("identity", "the extension, user or rule it concerns, or -");
    names.put("action", "what Bulwark did: block, reject, update...");
    names.put("detail", "the event's detail text");
    return java.util.Collections.unmodifiableMap(names);
  }

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    check("subject", "Subject", subject, MAX_SUBJECT, found);
    check("body", "Body", body, MAX_BODY, found);
    if (subject != null && (subject.contains("\n") || subject.contains("\r"))) {
      found.add(new FieldViolation("subject", "Subject must be one line"));
    }
    return found;
  }

  private static void check(
      String field, String label, String text, int max, List<FieldViolation> found) {
    if (text == null || text.isBlank()) {
      found.add(new FieldViolation(field, label + " is required"));
      return;
    }
    if (text.length() > max) {
      found.add(new FieldViolation(field, label + " has at most " + max + " characters"));
      return;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!VARIABLES.containsKey(m.group(1))) {
        found.add(
            new FieldViolation(
                field,
                "{{"
                    + m.group(1)
                    + "}} is not a variable; these are: "
                    + String.join(", ", VARIABLES.keySet())));
        return;
      }
    }
  }

  /** This template filled in for {@code event} shown at {@code level}. */
  public Rendered render(SecurityEvent event, EventType.Severity level) {
    Map<String, String> values =
        Map.of(
            "event", event.type().getLabel(),
            "level", level.getLabel(),
            "time", TIME.format(event.occurredAt()),
            "ip", orDash(event.sourceIp()),
            "identity", orDash(event.identity()),
            "action", orDash(event.action()),
            "detail", event.detail() == null ? "" : event.detail());
    return new Rendered(
        fill(subject, values).replaceAll("[\\r\\n]+", " ").strip(), fill(body, values));
  }

  private static String fill(String text, Map<String, String> values) {
    return PLACEHOLDER
        .matcher(text)
        .replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))));
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }

  /** A notification's words for one event. */
  public record Rendered(String subject, String body) {}
}
