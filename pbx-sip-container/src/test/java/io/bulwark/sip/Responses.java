package io.bulwark.sip;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What came back for a request a test sent, in order, to take one by one. */
final class Responses implements ResponseHandler {

  final BlockingQueue<SipResponse> received = new LinkedBlockingQueue<>();
  final CompletableFuture<Void> timedOut = new CompletableFuture<>();

  @Override
  public void onResponse(SipResponse response) {
    received.add(response);
  }

  @Override
  public void onTimeout() {
    timedOut.complete(null);
  }

  SipResponse next() throws InterruptedException {
    SipResponse response = received.poll(5, TimeUnit.SECONDS);
    assertNotNull(response, "no response within 5 s");
    return response;
  }

  /** The next response other than 100 Trying, which the stack may send on its own. */
  SipResponse nextBeyondTrying() throws InterruptedException {
    SipResponse response = next();
    return response.status() == 100 ? next() : response;
  }

  /** The final response, past any provisional ones. */
  SipResponse last() throws InterruptedException {
    SipResponse response = next();
    while (!response.isFinal()) {
      response = next();
    }
    return response;
  }
}
