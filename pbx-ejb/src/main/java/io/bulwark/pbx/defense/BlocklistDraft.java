package io.bulwark.pbx.defense;

import io.bulwark.pbx.system.FieldViolation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * The blocklist as an administrator sets it: on or off, the feed ({@code https://...}, {@code
 * http://...} or {@code file:/path}) and how many hours apart it is fetched.
 */
public record BlocklistDraft(boolean enabled, String url, Integer intervalHours) {

  static final int MAX_HOURS = 24 * 30;

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    if (url == null || url.isBlank()) {
      if (enabled) {
        found.add(new FieldViolation("url", "The feed's address is required to turn it on"));
      }
    } else if (url.strip().length() > 2048 || !isFeed(url.strip())) {
      found.add(
          new FieldViolation(
              "url", "An http://, https:// or file: address, at most 2048 characters"));
    }
    if (intervalHours == null || intervalHours < 1 || intervalHours > MAX_HOURS) {
      found.add(new FieldViolation("intervalHours", "From 1 to " + MAX_HOURS + " hours"));
    }
    return found;
  }

  private static boolean isFeed(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
              && uri.getHost() != null
          || "file".equalsIgnoreCase(scheme) && uri.getPath() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
