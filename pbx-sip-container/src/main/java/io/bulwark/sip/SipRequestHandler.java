package io.bulwark.sip;

/** Handles the requests of one SIP method. Must answer each request it receives. */
@FunctionalInterface
public interface SipRequestHandler {

  void handle(SipRequest request);
}
