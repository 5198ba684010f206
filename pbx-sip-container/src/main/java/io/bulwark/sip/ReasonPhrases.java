package io.bulwark.sip;

import java.util.Map;

/**
 * The reason phrases RFC 3261 section 21 gives, for the statuses the RI writes in its own casing
 * ("Bad request", "Method not allowed"). Clients ignore the phrase, people reading traces do not.
 */
final class ReasonPhrases {

  private static final Map<Integer, String> RFC3261 =
      Map.ofEntries(
          Map.entry(400, "Bad Request"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(408, "Request Timeout"),
          Map.entry(415, "Unsupported Media Type"),
          Map.entry(416, "Unsupported URI Scheme"),
          Map.entry(420, "Bad Extension"),
          Map.entry(423, "Interval Too Brief"),
          Map.entry(480, "Temporarily Unavailable"),
          Map.entry(486, "Busy Here"),
          Map.entry(500, "Server Internal Error"),
          Map.entry(501, "Not Implemented"),
          Map.entry(503, "Service Unavailable"),
          Map.entry(505, "Version Not Supported"));

  private ReasonPhrases() {}

  /** The RFC's phrase, or {@code null} when the RI's own is already right. */
  static String of(int status) {
    return RFC3261.get(status);
  }
}
