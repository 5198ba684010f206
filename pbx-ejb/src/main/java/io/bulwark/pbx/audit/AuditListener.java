package io.bulwark.pbx.audit;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The default entity listener of the persistence unit (META-INF/orm.xml): inside an {@link
 * AuditScope} it notes each record's state as loaded, and each create, update and delete with the
 * fields it changed; the transaction's notes are handed to {@link AuditRecorder} only when it
 * commits, so a change that rolled back leaves no entry.
 */
public class AuditListener {

  private static final String PENDING = AuditListener.class.getName() + ".pending";

  @PostLoad
  void loaded(Object entity) {
    AuditScope scope = AuditScope.current();
    if (scope != null && !(entity instanceof AuditEntry)) {
      scope.loaded(entity, EntityState.of(entity));
    }
  }

  @PostPersist
  void created(Object entity) {
    note(entity, AuditEntry.Action.CREATE);
  }

  @PostUpdate
  void updated(Object entity) {
    note(entity, AuditEntry.Action.UPDATE);
  }

  @PostRemove
  void removed(Object entity) {
    note(entity, AuditEntry.Action.DELETE);
  }

  private void note(Object entity, AuditEntry.Action action) {
    AuditScope scope = AuditScope.current();
    if (scope == null || entity instanceof AuditEntry) {
      return;
    }
    Map<String, String> before =
        action == AuditEntry.Action.CREATE ? Map.of() : stateOr(scope, entity);
    Map<String, String> after =
        action == AuditEntry.Action.DELETE ? Map.of() : EntityState.of(entity);
    JsonObjectBuilder changes = Json.createObjectBuilder();
    if (action == AuditEntry.Action.DELETE) {
      before.forEach((field, value) -> changes.add(field, pair(EntityState.shown(value), null)));
    } else {
      EntityState.changes(before, after)
          .forEach((field, values) -> changes.add(field, pair(values[0], values[1])));
    }
    if (action == AuditEntry.Action.UPDATE && before.isEmpty()) {
      return; // not loaded in this request: nothing to compare with
    }
    pending()
        .add(
            new AuditEntry(
                Instant.now(),
                scope.actor(),
                scope.address(),
                scope.request(),
                action,
                entity.getClass().getSimpleName(),
                EntityState.id(entity),
                changes.build().toString()));
    scope.loaded(entity, after);
  }

  private static Map<String, String> stateOr(AuditScope scope, Object entity) {
    Map<String, String> state = scope.stateAtLoad(entity);
    return state == null ? Map.of() : state;
  }

  private static JsonArrayBuilder pair(String before, String after) {
    JsonArrayBuilder pair = Json.createArrayBuilder();
    if (before == null) {
      pair.addNull();
    } else {
      pair.add(before);
    }
    if (after == null) {
      pair.addNull();
    } else {
      pair.add(after);
    }
    return pair;
  }

  /** The entries of the current transaction, handed on when it commits. */
  @SuppressWarnings("unchecked")
  private static List<AuditEntry> pending() {
    TransactionSynchronizationRegistry transactions = registry();
    List<AuditEntry> entries = (List<AuditEntry>) transactions.getResource(PENDING);
    if (entries == null) {
      List<AuditEntry> created = new ArrayList<>();
      transactions.putResource(PENDING, created);
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status == Status.STATUS_COMMITTED) {
                CDI.current()
                    .getBeanManager()
                    .getEvent()
                    .select(AuditBatch.class)
                    .fireAsync(new AuditBatch(List.copyOf(created)));
              }
            }
          });
      entries = created;
    }
    return entries;
  }

  private static TransactionSynchronizationRegistry registry() {
    try {
      return (TransactionSynchronizationRegistry)
          new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
    } catch (NamingException e) {
      throw new IllegalStateException("No transaction registry", e);
    }
  }
}
