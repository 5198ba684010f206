package io.bulwark.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility engine, run in the page the browser shows. The launcher fetches it
 * from the npm registry ({@code ./bulwark test}); its path comes in {@code bulwark.axe}.
 */
final class Axe {

  /** One rule a page breaks: its impact (minor, moderate, serious, critical) and where. */
  record Violation(String page, String rule, String impact, int nodes, String help) {
    boolean blocking() {
      return "serious".equals(impact) || "critical".equals(impact);
    }
  }

  private static String source;
  private static final List<Violation> ALL = new ArrayList<>();

  private Axe() {}

  /** Runs axe on the current page; the violations are also kept for {@link #byImpact()}. */
  static synchronized List<Violation> check(WebDriver browser, String page) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    // Colours are judged as they settle, not halfway through the fade a button makes when the
    // click that submitted the form leaves it focused and hovered.
    js.executeScript(
        "var s = document.getElementById('axe-settled') || document.createElement('style');"
            + "s.id = 'axe-settled';"
            + "s.textContent = '*, *::before, *::after { transition: none !important;"
            + " animation: none !important; }';"
            + "document.head.appendChild(s);"
            + "if (document.activeElement) { document.activeElement.blur(); }");
    js.executeScript(source());
    Object result =
        js.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations.map(function (v) {"
                + " return {id: v.id, impact: v.impact || 'minor', nodes: v.nodes.length,"
                + " help: v.help + ': ' + v.nodes.slice(0, 3).map(function (n) {"
                + " return n.target.join(' '); }).join(', ')}; }))); })"
                + ".catch(function (e) { done('error: ' + e); });");
    String json = String.valueOf(result);
    if (json.startsWith("error: ")) {
      throw new IllegalStateException("axe failed on " + page + ": " + json);
    }
    JsonArray found = Json.createReader(new StringReader(json)).readArray();
    List<Violation> violations = new ArrayList<>();
    for (JsonObject v : found.getValuesAs(JsonObject.class)) {
      violations.add(
          new Violation(
              page,
              v.getString("id"),
              v.getString("impact"),
              v.getInt("nodes"),
              v.getString("help")));
    }
    ALL.addAll(violations);
    return violations;
  }

  /** Violations of every page checked so far. */
  static synchronized List<Violation> all() {
    return List.copyOf(ALL);
  }

  /** Violations of every page checked so far, counted by impact. */
  static synchronized Map<String, Integer> byImpact() {
    Map<String, Integer> counts = new TreeMap<>();
    for (Violation v : ALL) {
      counts.merge(v.impact(), 1, Integer::sum);
    }
    return counts;
  }

  private static String source() {
    if (source == null) {
      String path = System.getProperty("bulwark.axe", "target/tools/axe-core/axe.min.js");
      try {
        source = Files.readString(Path.of(path));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "axe-core not found at " + path + " (run ./bulwark test)", e);
      }
    }
    return source;
  }
}
