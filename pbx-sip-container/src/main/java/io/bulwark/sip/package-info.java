/**
 * Bulwark's SIP container: the JAIN-SIP stack's lifecycle and a small, SIP-servlet-shaped API on
 * top of it. It knows SIP and nothing about the PBX's rules.
 *
 * <p>Applications register one {@link io.bulwark.sip.SipRequestHandler} per method, answered
 * statelessly (REGISTER, OPTIONS: nothing kept after the answer) or in a server transaction
 * (INVITE, which may then send provisional answers before its final one). Handlers run on the
 * stack's threads and must not block; work that must wait is handed to an executor with {@link
 * io.bulwark.sip.SipRequest#continueOn}, which answers 503 with Retry-After when that executor
 * refuses it. Between the UDP socket and the stack's threads sits one bounded queue that drops
 * datagrams when full and requests that waited too long; when its backlog lasts, new work is
 * answered 503 at the socket ({@link io.bulwark.sip.OverloadRefusal}), so overload is shed instead
 * of queued. {@link io.bulwark.sip.SipContainer#close()} stops the stack, frees the ports and ends
 * its threads.
 *
 * <p>The application's own requests go out through {@link io.bulwark.sip.SipClient} in client
 * transactions; every response comes back to the {@link io.bulwark.sip.ResponseHandler} of the
 * request it answers, and a request that gets no final answer in time (Timer B or F) reports a
 * timeout. An INVITE, sent or received, has a {@link io.bulwark.sip.SipDialog}: requests inside it
 * go to its {@link io.bulwark.sip.DialogListener}, a CANCEL reaches the INVITE it cancels, a
 * request naming a dialog that does not exist gets 481. {@link io.bulwark.sip.B2buaHelper} joins
 * two dialogs into one call, letting the session cross but not the caller's identity.
 *
 * <p>A source the application shuts out ({@link io.bulwark.sip.SourceGate}, the Blocked IPs) gets
 * nothing: its datagrams are dropped on the socket's thread before they are queued or parsed, its
 * TCP connections are reset as they are accepted.
 *
 * <p>What comes off the wire is screened before any handler sees it. {@link
 * io.bulwark.sip.ScreeningParserFactory} replaces the RI's answers to parse errors: a malformed
 * request is answered 400 Bad Request (fixed reason phrase, no body) through the normal response
 * path when its Via, From, To, Call-ID and CSeq can still address an answer, and is dropped
 * otherwise; unparseable responses and malformed ACKs are dropped. {@link
 * io.bulwark.sip.RequestScreen} then applies RFC 3261 section 8.2: 505, 405 with Allow, 501, 416,
 * 420 with Unsupported. Refusals are stateless and logged at DEBUG only. Limits ({@link
 * io.bulwark.sip.WireLimits}, {@link io.bulwark.sip.tcp.TcpLimits}): a message of at most 65,536
 * bytes and 128 header fields (past that a datagram is dropped and a TCP connection closed); per
 * source address at most 32 TCP connections (further ones are reset at accept); a TCP connection
 * that completes no message and sends no CRLF keep-alive for 3,900 s is closed, as is one that
 * takes more than 10 s to deliver one message.
 */
package io.bulwark.sip;
