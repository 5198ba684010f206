package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.defense.DefenseRuleService;
import io.bulwark.pbx.defense.DefenseTable;
import io.bulwark.pbx.defense.Protocol;
import io.bulwark.pbx.defense.RuleAction;
import io.bulwark.pbx.defense.Service;
import io.bulwark.pbx.defense.StaticRule;
import io.bulwark.pbx.defense.StaticRuleDraft;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.web.http.ClientAddress;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletRequest;
import java.io.Serializable;
import java.net.InetAddress;
import java.util.List;

/**
 * Security > Static Defense: which sources are accepted, dropped or rejected, first match first.
 * Accepted sources are never blocked automatically.
 */
@Named
@ViewScoped
public class StaticDefenseView implements Serializable {

  @Inject private transient DefenseRuleService rules;
  @Inject private transient DefenseTable defenses;

  private final EditedRecord edited = new EditedRecord("Static defense rule", "rule");
  private String name;
  private String source;
  private Protocol protocol = Protocol.BOTH;
  private Service service = Service.ALL;
  private String ports;
  private RuleAction action = RuleAction.DROP;
  private Integer position;

  public List<StaticRule> getRules() {
    return rules.staticRules();
  }

  /** What a domain name or MAC address in a rule's source stands for; null for an address. */
  public String sourceNote(StaticRule rule) {
    return defenses.sourceNote(rule);
  }

  public void edit(long id) {
    edited
        .ifStillThere(() -> rules.staticRule(id))
        .ifPresent(
            r -> {
              edited.edit(r.getId(), r.getVersion(), r.getName());
              name = r.getName();
              source = r.getSource();
              protocol = r.getScope().getProtocol();
              service = r.getScope().getService();
              ports = r.getScope().getPorts() == null ? null : r.getScope().getPorts().toString();
              action = r.getAction();
              position = r.getPosition();
            });
  }

  public void save() {
    StaticRuleDraft draft =
        new StaticRuleDraft(name, source, protocol, service, ports, action, position);
    InetAddress admin = clientAddress();
    if (edited.save(
        name,
        actor -> rules.createStatic(draft, actor, admin),
        (id, version, actor) -> rules.updateStatic(id, version, draft, actor, admin))) {
      clear();
    }
  }

  public void delete(long id, String shownName) {
    try {
      edited.delete(shownName, actor -> rules.deleteStatic(id, actor, clientAddress()));
      if (edited.isEditing(id)) {
        clear();
      }
    } catch (InvalidInputException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public void clear() {
    edited.clear();
    name = null;
    source = null;
    protocol = Protocol.BOTH;
    service = Service.ALL;
    ports = null;
    action = RuleAction.DROP;
    position = null;
  }

  public boolean isEditing() {
    return edited.isEditing();
  }

  public Protocol[] getProtocols() {
    return Protocol.values();
  }

  public Service[] getServices() {
    return Service.values();
  }

  public RuleAction[] getActions() {
    return RuleAction.values();
  }

  private static InetAddress clientAddress() {
    return ClientAddress.of(
        (ServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public Protocol getProtocol() {
    return protocol;
  }

  public void setProtocol(Protocol protocol) {
    this.protocol = protocol;
  }

  public Service getService() {
    return service;
  }

  public void setService(Service service) {
    this.service = service;
  }

  public String getPorts() {
    return ports;
  }

  public void setPorts(String ports) {
    this.ports = ports;
  }

  public RuleAction getAction() {
    return action;
  }

  public void setAction(RuleAction action) {
    this.action = action;
  }

  public Integer getPosition() {
    return position;
  }

  public void setPosition(Integer position) {
    this.position = position;
  }
}
