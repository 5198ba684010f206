package io.bulwark.pbx.routing;

import io.bulwark.pbx.extension.ExtensionChanged;
import io.bulwark.pbx.extension.ExtensionGroup;
import io.bulwark.pbx.extension.ExtensionGroupChanged;
import io.bulwark.pbx.system.SecretCipher;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Both routing policies in memory for SIP, loaded at start and again after each committed change of
 * a route, of an extension group, or of an extension (a deleted extension leaves the routes and
 * groups it was a member of).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RoutingTable {

  private volatile OutboundRouting outbound = OutboundRouting.NONE;
  private volatile InboundRouting inbound = InboundRouting.NONE;

  @PersistenceContext private EntityManager em;
  @Inject private SecretCipher cipher;

  @PostConstruct
  void load() {
    Map<Long, RoutePin> pinLists =
        em.createNamedQuery("PinList.all", PinList.class)
            .getResultStream()
            .collect(
                Collectors.toMap(
                    PinList::getId,
                    list ->
                        new RoutePin(
                            PinMode.LIST,
                            Set.copyOf(list.pins(cipher)),
                            "list " + list.getName())));
    Map<Long, List<String>> groups =
        em.createNamedQuery("ExtensionGroup.all", ExtensionGroup.class)
            .getResultStream()
            .collect(Collectors.toMap(ExtensionGroup::getId, ExtensionGroup::getMembers));
    outbound =
        new OutboundRouting(
            em.createNamedQuery("OutboundRoute.all", OutboundRoute.class).getResultList().stream()
                .map(
                    route ->
                        route.rule(
                            g -> groups.getOrDefault(g, List.of()),
                            route.pin(cipher::decrypt, pinLists::get)))
                .toList());
    inbound =
        new InboundRouting(
            em.createNamedQuery("InboundRoute.all", InboundRoute.class).getResultList().stream()
                .map(InboundRoute::rule)
                .toList());
  }

  /** The outbound policy of now, for SIP threads: a field read, without the container proxy. */
  public Supplier<OutboundRouting> outbound() {
    return () -> outbound;
  }

  /** The inbound policy of now, for SIP threads: a field read, without the container proxy. */
  public Supplier<InboundRouting> inbound() {
    return () -> inbound;
  }

  /** Runs after the change committed, in a transaction of its own (the committed one is over). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void follow(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoutesChanged change) {
    load();
  }

  /** A group's members are who may use the routes that list it. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void followGroups(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) ExtensionGroupChanged change) {
    load();
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void followExtensions(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) ExtensionChanged change) {
    if (change.deleted()) {
      load();
    }
  }
}
