/**
 * Bulwark's SIP container: the JAIN-SIP stack's lifecycle and a small, SIP-servlet-shaped API on
 * top of it. It knows SIP and nothing about the PBX's rules.
 *
 * <p>Applications register one {@link io.bulwark.sip.SipRequestHandler} per method, answered
 * statelessly (REGISTER, OPTIONS: nothing kept after the answer) or in a server transaction
 * (INVITE). Handlers run on the stack's threads and must not block; work that must wait is handed
 * to an executor with {@link io.bulwark.sip.SipRequest#continueOn}, which answers 503 with
 * Retry-After when that executor refuses it. Between the UDP socket and the stack's threads sits
 * one bounded queue that drops datagrams when full and requests that waited too long, so overload
 * is shed instead of queued. {@link io.bulwark.sip.SipContainer#close()} stops the stack, frees the
 * ports and ends its threads.
 */
package io.bulwark.sip;
