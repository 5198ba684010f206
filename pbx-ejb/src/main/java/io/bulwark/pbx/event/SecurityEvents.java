package io.bulwark.pbx.event;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Raises events about changes only once they are real: inside a transaction, an event waits for the
 * commit and is dropped on a rollback, so the log never tells of a change that did not happen;
 * outside one (a block the firewall decided, a timer's sync) it is raised at once.
 */
@ApplicationScoped
public class SecurityEvents {

  @Inject private Event<SecurityEvent> events;
  @Resource private TransactionSynchronizationRegistry transactions;

  public void fireAsync(SecurityEvent event) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      events.fireAsync(event);
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              events.fireAsync(event);
            }
          }
        });
  }
}
