package io.bulwark.pbx.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.EnumMap;
import java.util.Map;

/** A role an administrator defined: a realm role of the same name, with its permissions. */
@Entity
@Table(name = "custom_role")
@NamedQuery(name = "CustomRole.all", query = "select r from CustomRole r order by r.name")
public class CustomRole {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 48, updatable = false)
  private String name;

  @Column(nullable = false)
  private String description;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "custom_role_permission", joinColumns = @JoinColumn(name = "role_id"))
  @MapKeyColumn(name = "area")
  @MapKeyEnumerated(EnumType.STRING)
  @Enumerated(EnumType.STRING)
  @Column(name = "access", nullable = false)
  private Map<Area, Access> access = new EnumMap<>(Area.class);

  @Version private int version;

  protected CustomRole() {}

  CustomRole(RoleDraft draft) {
    name = draft.name().strip();
    apply(draft);
  }

  void apply(RoleDraft draft) {
    description = draft.description() == null ? "" : draft.description().strip();
    access.clear();
    draft
        .permissions()
        .asMap()
        .forEach(
            (area, level) -> {
              if (level != Access.NONE) {
                access.put(area, level);
              }
            });
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public Permissions permissions() {
    return Permissions.of(access);
  }

  public int getVersion() {
    return version;
  }
}
