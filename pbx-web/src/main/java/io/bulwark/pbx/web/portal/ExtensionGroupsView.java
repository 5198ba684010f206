package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.extension.Extension;
import io.bulwark.pbx.extension.ExtensionGroup;
import io.bulwark.pbx.extension.ExtensionGroupDraft;
import io.bulwark.pbx.extension.ExtensionGroupService;
import io.bulwark.pbx.extension.ExtensionService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Extensions and Trunks > Extension Groups: named sets of extensions routes may list. */
@Named
@ViewScoped
public class ExtensionGroupsView implements Serializable {

  @Inject private transient ExtensionGroupService groups;
  @Inject private transient ExtensionService extensions;

  private List<ExtensionGroup> all;
  private final EditedRecord edited = new EditedRecord("Extension group", "group");
  private String name;
  private List<String> members = new ArrayList<>();

  @PostConstruct
  void load() {
    all = groups.all();
  }

  public List<ExtensionGroup> getAll() {
    return all;
  }

  public List<Extension> getAllExtensions() {
    return extensions.all();
  }

  /** A group's members on one line. */
  public String shown(ExtensionGroup g) {
    return g.getMembers().isEmpty() ? "none" : String.join(", ", g.getMembers());
  }

  public void edit(long id) {
    edited
        .ifStillThere(() -> groups.get(id))
        .ifPresent(
            g -> {
              edited.edit(g.getId(), g.getVersion(), g.getName());
              name = g.getName();
              members = new ArrayList<>(g.getMembers());
            });
  }

  public void save() {
    ExtensionGroupDraft draft = new ExtensionGroupDraft(name, members);
    if (edited.save(
        name,
        actor -> groups.create(draft, actor),
        (id, version, actor) -> groups.update(id, version, draft, actor))) {
      clear();
    }
    load();
  }

  public void delete(long id, String shownName) {
    edited.delete(shownName, actor -> groups.delete(id, actor));
    if (edited.isEditing(id)) {
      clear();
    }
    load();
  }

  public void clear() {
    edited.clear();
    name = null;
    members = new ArrayList<>();
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

  public List<String> getMembers() {
    return members;
  }

  public void setMembers(List<String> members) {
    this.members = members;
  }
}
