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

  /**
   * Whom a call goes to: an extension's phones, or an outside number through the outbound routes.
   */
  public record Callee(String number, boolean outside) {

    public static Callee extension(String number) {
      return new Callee(number, false);
    }

    public static Callee outside(String number) {
      return new Callee(number, true);
    }

    /** "extension 1001", or the outside number itself. */
    @Override
    public String toString() {
      return outside ? number : "extension " + number;
    }
  }

  /** Rings a callee and speaks a message to whoever answers. */
  @FunctionalInterface
  public interface Dialer {

    /**
     * @return completes once the message was spoken and the call ended, or fails with why not in
     *     words for the event log (no phone registered, busy, not answered, no route)
     */
    CompletionStage<Void> call(Callee callee, SpokenMessage message);
  }

  private volatile Dialer dialer;

  public void attach(Dialer dialer) {
    this.dialer = dialer;
  }

  public void detach() {
    this.dialer = null;
  }

  public CompletionStage<Void> call(Callee callee, SpokenMessage message) {
    Dialer now = dialer;
    return now == null
        ? CompletableFuture.failedFuture(new IllegalStateException("SIP is not running"))
        : now.call(callee, message);
  }
}
