package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.callpolicy.CallPolicyTable;
import io.bulwark.pbx.callpolicy.CallSecurityService;
import io.bulwark.pbx.callpolicy.CallSecuritySettings;
import io.bulwark.pbx.callpolicy.FrequencyHold;
import io.bulwark.pbx.callpolicy.FrequencyRule;
import io.bulwark.pbx.callpolicy.FrequencyRuleDraft;
import io.bulwark.pbx.callpolicy.FrequencyRuleService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Security > Outbound Call Frequency, the guide's fourth tab of the security rules: the default
 * rule, the custom rules extensions may follow instead, and the extensions at their limit now.
 */
@Named
@ViewScoped
public class FrequencyRulesView implements Serializable {

  @Inject private transient FrequencyRuleService rules;
  @Inject private transient CallSecurityService security;
  @Inject private transient CallPolicyTable policy;

  private List<FrequencyRule> all;
  private final EditedRecord edited = new EditedRecord("Frequency rule", "rule");
  private String name;
  private Integer calls;
  private Integer seconds;

  @PostConstruct
  void load() {
    all = rules.all();
  }

  public List<FrequencyRule> getAll() {
    return all;
  }

  public List<FrequencyHold> getHolds() {
    return policy.frequencyHolds();
  }

  /** The default rule in words. */
  public String getDefaultRule() {
    CallSecuritySettings s = security.settings();
    return s.isFrequencyEnabled()
        ? s.getFrequencyCalls() + " outbound calls in " + s.getFrequencySeconds() + " s"
        : "off: an extension without a custom rule is not limited";
  }

  public void edit(long id) {
    edited
        .ifStillThere(() -> rules.get(id))
        .ifPresent(
            r -> {
              edited.edit(r.getId(), r.getVersion(), r.getName());
              name = r.getName();
              calls = r.getCalls();
              seconds = r.getSeconds();
            });
  }

  public void save() {
    FrequencyRuleDraft draft = new FrequencyRuleDraft(name, calls, seconds);
    if (edited.save(
        name,
        actor -> rules.create(draft, actor),
        (id, version, actor) -> rules.update(id, version, draft, actor))) {
      clear();
    }
    load();
  }

  public void delete(long id, String shownName) {
    edited.delete(shownName, actor -> rules.delete(id, actor));
    if (edited.isEditing(id)) {
      clear();
    }
    load();
  }

  public void clear() {
    edited.clear();
    name = null;
    calls = null;
    seconds = null;
  }

  public boolean isEditing() {
    return edited.isEditing();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getCalls() {
    return calls;
  }

  public void setCalls(Integer calls) {
    this.calls = calls;
  }

  public Integer getSeconds() {
    return seconds;
  }

  public void setSeconds(Integer seconds) {
    this.seconds = seconds;
  }
}
