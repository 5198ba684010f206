/**
 * Media through rtpengine: {@link io.bulwark.pbx.sip.media.RtpEngine} is the one client of its NG
 * control protocol, so media anchoring now and prompts and DTMF later share one socket, one way of
 * matching answers to requests and one place that decides what a lost or refused command means.
 * rtpengine relays RTP in user space on the same host; Bulwark only tells it which calls to anchor
 * and gets back the SDP that points each side at it.
 *
 * <p>The NG protocol speaks bencode. The bencode libraries on Maven Central are small projects
 * released rarely if at all, and a codec is about as long as the glue to one of them would be, so
 * {@link io.bulwark.pbx.sip.media.Bencode} is our own: strict, and bounded in size and depth
 * because it reads datagrams.
 */
package io.bulwark.pbx.sip.media;
