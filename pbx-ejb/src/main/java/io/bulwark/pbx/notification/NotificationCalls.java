package io.bulwark.pbx.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The calls that speak a notification to an extension, placed by the SIP server while it runs: it
 * attaches its dialer when it starts and takes it away when it stops.
 */
@ApplicationScoped
public class NotificationCalls {

  /** Rings an extension's phones and speaks a message to the one that answers. */
  @FunctionalInterface
  public interface Dialer {

    /**
     * @return completes once the message was spoken and the call ended, or fails with why not in
     *     words for the event log (no phone registered, busy, not answered)
     */
    CompletionStage<Void> call(String extension, SpokenMessage message);
  }

  private volatile Dialer dialer;

  public void attach(Dialer dialer) {
    this.dialer = dialer;
  }

  public void detach() {
    this.dialer = null;
  }

  public CompletionStage<Void> call(String extension, SpokenMessage message) {
    Dialer now = dialer;
    return now == null
        ? CompletableFuture.failedFuture(new IllegalStateException("SIP is not running"))
        : now.call(extension, message);
  }
}
