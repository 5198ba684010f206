package io.bulwark.pbx.location;

import java.util.List;

/**
 * An authenticated REGISTER, reduced to what the registrar rules need. {@code contacts} is empty
 * for a query; {@code wildcard} is the {@code Contact: *} form.
 *
 * @param requestExpires the Expires header in seconds, or {@code null} when absent
 */
public record RegisterRequest(
    String extensionNumber,
    List<ContactExpiry> contacts,
    boolean wildcard,
    Integer requestExpires,
    String callId,
    long cseq,
    String sourceAddress,
    int sourcePort,
    String transport,
    String userAgent) {

  public RegisterRequest {
    contacts = List.copyOf(contacts);
  }

  /** Whether one of the request's contacts is {@code contactUri}. */
  boolean names(String contactUri) {
    for (ContactExpiry contact : contacts) {
      if (contact.uri().equals(contactUri)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A Contact of the request.
   *
   * @param expires the Contact's expires parameter in seconds, or {@code null} when absent
   */
  public record ContactExpiry(String uri, Integer expires) {}
}
