package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.routing.PinList;
import io.bulwark.pbx.routing.PinListDraft;
import io.bulwark.pbx.routing.PinListService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Call Control > PIN Lists: PINs outbound routes may ask a caller for. */
@Named
@ViewScoped
public class PinListsView implements Serializable {

  @Inject private transient PinListService lists;

  private List<PinList> all;

  /** How many PINs each list holds, by id: decrypted once a load, not per row. */
  private Map<Long, Integer> counts;

  private final EditedRecord edited = new EditedRecord("PIN list", "pinList");
  private String name;
  private String pins;

  @PostConstruct
  void load() {
    all = lists.all();
    counts = new HashMap<>();
    all.forEach(list -> counts.put(list.getId(), lists.pinsOf(list).size()));
  }

  public List<PinList> getAll() {
    return all;
  }

  /** How many PINs a list holds; the PINs themselves show only in the form. */
  public int count(PinList list) {
    return counts.get(list.getId());
  }

  public void edit(long id) {
    edited
        .ifStillThere(() -> lists.get(id))
        .ifPresent(
            l -> {
              edited.edit(l.getId(), l.getVersion(), l.getName());
              name = l.getName();
              pins = String.join("\n", lists.pinsOf(l));
            });
  }

  public void save() {
    PinListDraft draft = new PinListDraft(name, TextareaLines.of(pins));
    if (edited.save(
        name,
        actor -> lists.create(draft, actor),
        (id, version, actor) -> lists.update(id, version, draft, actor))) {
      clear();
    }
    load();
  }

  public void delete(long id, String shownName) {
    edited.delete(shownName, actor -> lists.delete(id, actor));
    if (edited.isEditing(id)) {
      clear();
    }
    load();
  }

  public void clear() {
    edited.clear();
    name = null;
    pins = null;
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

  public String getPins() {
    return pins;
  }

  public void setPins(String pins) {
    this.pins = pins;
  }
}
