package io.bulwark.pbx.audit;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The administrator's request a thread is serving, while it serves it: who and from where, and the
 * state of each entity as it was loaded, so that a change can show what it changed. Outside a scope
 * (SIP threads, timers) nothing is audited.
 */
public final class AuditScope implements AutoCloseable {

  private static final ThreadLocal<AuditScope> CURRENT = new ThreadLocal<>();

  private final String actor;
  private final String address;
  private final String request;
  private final Map<Object, Map<String, String>> loaded = new IdentityHashMap<>();

  private AuditScope(String actor, String address, String request) {
    this.actor = actor;
    this.address = address;
    this.request = request;
  }

  /**
   * Opens the scope of one request; close it when the request is answered.
   *
   * @param request what was asked: {@code PUT /api/v1/trunks/3}
   */
  public static AuditScope open(String actor, String address, String request) {
    AuditScope scope = new AuditScope(actor, address, request);
    CURRENT.set(scope);
    return scope;
  }

  static AuditScope current() {
    return CURRENT.get();
  }

  String actor() {
    return actor;
  }

  String address() {
    return address;
  }

  String request() {
    return request;
  }

  void loaded(Object entity, Map<String, String> state) {
    loaded.put(entity, state);
  }

  Map<String, String> stateAtLoad(Object entity) {
    return loaded.get(entity);
  }

  @Override
  public void close() {
    CURRENT.remove();
  }
}
