package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.callpolicy.BlockedNumber;
import io.bulwark.pbx.callpolicy.BlockedNumberDraft;
import io.bulwark.pbx.callpolicy.BlockedNumberService;
import io.bulwark.pbx.callpolicy.PremiumRatePresets;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Call Control > Blocked Numbers: numbers and patterns no outbound call may reach. A preset fills
 * the form with a premium-rate range toll fraud dials.
 */
@Named
@ViewScoped
public class BlockedNumbersView implements Serializable {

  @Inject private transient BlockedNumberService blocked;

  private List<BlockedNumber> all;
  private final EditedRecord edited = new EditedRecord("Blocked numbers", "blocked");
  private String name;
  private String patterns;
  private String preset;

  @PostConstruct
  void load() {
    all = blocked.all();
  }

  public List<BlockedNumber> getAll() {
    return all;
  }

  /** A list's numbers and patterns on one line. */
  public String shown(BlockedNumber b) {
    return String.join(", ", b.getPatterns());
  }

  public List<PremiumRatePresets.Preset> getPresets() {
    return PremiumRatePresets.ALL;
  }

  /** Fills the form with the chosen preset, as a new list. */
  public void usePreset() {
    PremiumRatePresets.ALL.stream()
        .filter(p -> p.name().equals(preset))
        .findFirst()
        .ifPresent(
            p -> {
              clear();
              name = p.name();
              patterns = String.join("\n", p.patterns());
            });
  }

  public void edit(long id) {
    edited
        .ifStillThere(() -> blocked.get(id))
        .ifPresent(
            b -> {
              edited.edit(b.getId(), b.getVersion(), b.getName());
              name = b.getName();
              patterns = String.join("\n", b.getPatterns());
            });
  }

  public void save() {
    BlockedNumberDraft draft = new BlockedNumberDraft(name, TextareaLines.of(patterns));
    if (edited.save(
        name,
        actor -> blocked.create(draft, actor),
        (id, version, actor) -> blocked.update(id, version, draft, actor))) {
      clear();
    }
    load();
  }

  public void delete(long id, String shownName) {
    edited.delete(shownName, actor -> blocked.delete(id, actor));
    if (edited.isEditing(id)) {
      clear();
    }
    load();
  }

  public void clear() {
    edited.clear();
    name = null;
    patterns = null;
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

  public String getPatterns() {
    return patterns;
  }

  public void setPatterns(String patterns) {
    this.patterns = patterns;
  }

  public String getPreset() {
    return preset;
  }

  public void setPreset(String preset) {
    this.preset = preset;
  }
}
