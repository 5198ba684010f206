package io.bulwark.pbx.extension;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A named set of extensions, which an outbound route may list instead of each member. */
@Entity
@Table(name = "extension_group")
@NamedQuery(name = "ExtensionGroup.all", query = "select g from ExtensionGroup g order by g.name")
public class ExtensionGroup {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String name;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "extension_group_member", joinColumns = @JoinColumn(name = "group_id"))
  @Column(name = "extension_number", nullable = false, length = 16)
  private Set<String> members = new HashSet<>();

  @Version private int version;

  protected ExtensionGroup() {}

  ExtensionGroup(ExtensionGroupDraft draft) {
    apply(draft);
  }

  void apply(ExtensionGroupDraft draft) {
    name = draft.name();
    members.clear();
    members.addAll(draft.members());
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  /** The members' numbers, sorted. */
  public List<String> getMembers() {
    return List.copyOf(new TreeSet<>(members));
  }

  public int getVersion() {
    return version;
  }
}
