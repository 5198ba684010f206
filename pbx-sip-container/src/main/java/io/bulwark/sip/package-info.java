/**
 * Bulwark's SIP container: the JAIN-SIP stack's lifecycle and a small, SIP-servlet-shaped API on
 * top of it. It knows SIP and nothing about the PBX's rules.
 *
 * <p>Applications register one {@link io.bulwark.sip.SipRequestHandler} per method. The stack's
 * threads only parse and dispatch; handlers marked as blocking run on the executor the application
 * hands in (a {@code ManagedExecutorService} inside WildFly), and when that executor is saturated
 * the container answers 503 with Retry-After instead of queueing without bound. {@link
 * io.bulwark.sip.SipContainer#close()} stops the stack, frees the ports and ends its threads.
 */
package io.bulwark.sip;
