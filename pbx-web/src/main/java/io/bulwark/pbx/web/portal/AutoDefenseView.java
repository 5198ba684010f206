package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.defense.AutoDefenseRule;
import io.bulwark.pbx.defense.AutoDefenseRuleDraft;
import io.bulwark.pbx.defense.DecoyExtension;
import io.bulwark.pbx.defense.DefenseRuleService;
import io.bulwark.pbx.defense.DefenseService;
import io.bulwark.pbx.defense.DefenseSettings;
import io.bulwark.pbx.defense.DefenseSettingsDraft;
import io.bulwark.pbx.defense.DefenseTable;
import io.bulwark.pbx.defense.Protocol;
import io.bulwark.pbx.defense.Service;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Security > Auto Defense: the rate rules that block a source sending too much, how long their
 * blocks last, the registration lockout, the user agents that give a scanner away, and the decoy
 * extensions that give away whoever asks for them.
 */
@Named
@ViewScoped
public class AutoDefenseView implements Serializable {

  @Inject private transient DefenseRuleService rules;
  @Inject private transient DefenseService defense;
  @Inject private transient DefenseTable table;

  private final EditedRecord edited = new EditedRecord("Auto defense rule", "rule");
  private String name;
  private Protocol protocol = Protocol.UDP;
  private Service service = Service.SIP;
  private String ports;
  private Integer packets;
  private Integer seconds;

  private int settingsVersion;
  private Integer autoBlockMinutes;
  private Integer lockoutAttempts;
  private Integer lockoutSeconds;
  private Integer lockoutMinutes;
  private String scannerAgents;
  private String localNetworks;
  private boolean kernelBackend;
  private String kernelStatus;

  private String decoyNumber;
  private String decoyNote;

  @PostConstruct
  void load() {
    DefenseSettings settings = defense.settings();
    settingsVersion = settings.getVersion();
    autoBlockMinutes = settings.getAutoBlockMinutes();
    lockoutAttempts = settings.getLockoutAttempts();
    lockoutSeconds = settings.getLockoutSeconds();
    lockoutMinutes = settings.getLockoutMinutes();
    scannerAgents = String.join("\n", settings.getScannerAgents());
    localNetworks = String.join("\n", settings.getLocalNetworks());
    kernelBackend = settings.isKernelBackend();
    kernelStatus = table.kernelStatus();
  }

  public List<AutoDefenseRule> getRules() {
    return rules.autoRules();
  }

  public void edit(long id) {
    edited
        .ifStillThere(() -> rules.autoRule(id))
        .ifPresent(
            r -> {
              edited.edit(r.getId(), r.getVersion(), r.getName());
              name = r.getName();
              protocol = r.getScope().getProtocol();
              service = r.getScope().getService();
              ports = r.getScope().getPorts() == null ? null : r.getScope().getPorts().toString();
              packets = r.getPackets();
              seconds = r.getSeconds();
            });
  }

  public void save() {
    AutoDefenseRuleDraft draft =
        new AutoDefenseRuleDraft(name, protocol, service, ports, packets, seconds);
    if (edited.save(
        name,
        actor -> rules.createAuto(draft, actor),
        (id, version, actor) -> rules.updateAuto(id, version, draft, actor))) {
      clear();
    }
  }

  public void delete(long id, String shownName) {
    edited.delete(shownName, actor -> rules.deleteAuto(id, actor));
    if (edited.isEditing(id)) {
      clear();
    }
  }

  public void clear() {
    edited.clear();
    name = null;
    protocol = Protocol.UDP;
    service = Service.SIP;
    ports = null;
    packets = null;
    seconds = null;
  }

  public void saveSettings() {
    try {
      defense.updateSettings(
          settingsVersion,
          new DefenseSettingsDraft(
              autoBlockMinutes,
              lockoutAttempts,
              lockoutSeconds,
              lockoutMinutes,
              TextareaLines.of(scannerAgents),
              TextareaLines.of(localNetworks),
              kernelBackend),
          FormMessages.actor());
      load();
      FormMessages.info("Defense settings saved");
    } catch (InvalidInputException e) {
      FormMessages.fields("settings", e.violations());
    } catch (ConcurrentChangeException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public List<DecoyExtension> getDecoys() {
    return rules.decoys();
  }

  public void addDecoy() {
    try {
      DecoyExtension decoy = rules.createDecoy(decoyNumber, decoyNote, FormMessages.actor());
      FormMessages.info("Decoy extension " + decoy.getNumber() + " added");
      decoyNumber = null;
      decoyNote = null;
    } catch (InvalidInputException e) {
      FormMessages.fields("decoys", e.violations());
    }
  }

  public void deleteDecoy(long id, String number) {
    try {
      rules.deleteDecoy(id, FormMessages.actor());
      FormMessages.info("Decoy extension " + number + " deleted");
    } catch (NotFoundException e) {
      FormMessages.info("Decoy extension " + number + " was already deleted by someone else.");
    }
  }

  public String getDecoyNumber() {
    return decoyNumber;
  }

  public void setDecoyNumber(String decoyNumber) {
    this.decoyNumber = decoyNumber;
  }

  public String getDecoyNote() {
    return decoyNote;
  }

  public void setDecoyNote(String decoyNote) {
    this.decoyNote = decoyNote;
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

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
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

  public Integer getPackets() {
    return packets;
  }

  public void setPackets(Integer packets) {
    this.packets = packets;
  }

  public Integer getSeconds() {
    return seconds;
  }

  public void setSeconds(Integer seconds) {
    this.seconds = seconds;
  }

  public Integer getAutoBlockMinutes() {
    return autoBlockMinutes;
  }

  public void setAutoBlockMinutes(Integer autoBlockMinutes) {
    this.autoBlockMinutes = autoBlockMinutes;
  }

  public Integer getLockoutAttempts() {
    return lockoutAttempts;
  }

  public void setLockoutAttempts(Integer lockoutAttempts) {
    this.lockoutAttempts = lockoutAttempts;
  }

  public Integer getLockoutSeconds() {
    return lockoutSeconds;
  }

  public void setLockoutSeconds(Integer lockoutSeconds) {
    this.lockoutSeconds = lockoutSeconds;
  }

  public Integer getLockoutMinutes() {
    return lockoutMinutes;
  }

  public void setLockoutMinutes(Integer lockoutMinutes) {
    this.lockoutMinutes = lockoutMinutes;
  }

  public String getScannerAgents() {
    return scannerAgents;
  }

  public void setScannerAgents(String scannerAgents) {
    this.scannerAgents = scannerAgents;
  }

  public boolean isKernelBackend() {
    return kernelBackend;
  }

  public void setKernelBackend(boolean kernelBackend) {
    this.kernelBackend = kernelBackend;
  }

  public String getKernelStatus() {
    return kernelStatus;
  }

  public String getLocalNetworks() {
    return localNetworks;
  }

  public void setLocalNetworks(String localNetworks) {
    this.localNetworks = localNetworks;
  }
}
