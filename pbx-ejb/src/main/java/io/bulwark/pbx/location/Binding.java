package io.bulwark.pbx.location;

import io.bulwark.pbx.system.Columns;

/**
 * One contact under which an address of record can be reached until it expires (RFC 3261 section
 * 10). Immutable: a refresh makes a new binding, so readers never see one half-updated.
 *
 * <p>Times are epoch milliseconds rather than {@code Instant}s: a hundred thousand bindings live in
 * memory, and two longs cost less than two objects each.
 *
 * @param transport {@code UDP} or {@code TCP}
 * @param userAgent the User-Agent header, clipped to {@link #MAX_USER_AGENT}, or {@code null}
 */
public record Binding(
    String contactUri,
    long expiresAtMillis,
    String callId,
    long cseq,
    String sourceAddress,
    int sourcePort,
    String transport,
    String userAgent,
    long registeredAtMillis) {

  /** Column sizes of registration_binding. */
  public static final int MAX_CONTACT_URI = 512;

  public static final int MAX_CALL_ID = 255;
  public static final int MAX_USER_AGENT = 255;

  static Binding of(RegisterRequest request, String contactUri, long lifetimeMillis, long now) {
    return new Binding(
        contactUri,
        now + lifetimeMillis,
        request.callId(),
        request.cseq(),
        request.sourceAddress(),
        request.sourcePort(),
        request.transport(),
        Columns.clip(request.userAgent(), MAX_USER_AGENT),
        now);
  }

  public boolean isActive(long nowMillis) {
    return expiresAtMillis > nowMillis;
  }

  /** Seconds left, rounded up, as the Contact expires parameter of a 200 OK reports them. */
  public long secondsLeft(long nowMillis) {
    long millis = expiresAtMillis - nowMillis;
    return millis <= 0 ? 0 : (millis + 999) / 1000;
  }

  /** Whether a request with this Call-ID and CSeq may change the binding (RFC 3261 10.3 step 7). */
  boolean acceptsUpdateFrom(String requestCallId, long requestCseq) {
    return !callId.equals(requestCallId) || requestCseq > cseq;
  }

  /**
   * Whether the request is the one that made this binding, arriving again. Bulwark answers REGISTER
   * without a server transaction, so a retransmission reaches the rules and must get the same 200
   * instead of being refused as out of order.
   */
  boolean wasMadeBy(String requestCallId, long requestCseq) {
    return callId.equals(requestCallId) && cseq == requestCseq;
  }

  /**
   * Whether {@code next} reaches the phone differently: another contact or another source address,
   * port or transport (where requests to a phone behind NAT must go). Such a change must reach the
   * database at the next flush; a new Call-ID, CSeq or User-Agent is a refresh detail, written with
   * the next lifetime write.
   */
  boolean routesDifferentlyFrom(Binding next) {
    return !(contactUri.equals(next.contactUri)
        && sourceAddress.equals(next.sourceAddress)
        && sourcePort == next.sourcePort
        && transport.equals(next.transport));
  }
}
