package io.bulwark.sip;

/**
 * Receives what comes back for a request the application sent: every provisional and final
 * response, in order, on a stack thread; or, when no final response comes in time (Timer B or F) or
 * the request could not be sent, {@link #onTimeout()}, which an application treats as 408. Handlers
 * must not block.
 */
public interface ResponseHandler {

  void onResponse(SipResponse response);

  void onTimeout();
}
