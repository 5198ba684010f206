package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.extension.Extension;
import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.routing.DialPattern;
import io.bulwark.pbx.routing.DialPatternDraft;
import io.bulwark.pbx.routing.Direction;
import io.bulwark.pbx.routing.OutboundRoute;
import io.bulwark.pbx.routing.OutboundRouteDraft;
import io.bulwark.pbx.routing.OutboundRouteService;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.trunk.Trunk;
import io.bulwark.pbx.trunk.TrunkService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Outbound Routes page: the routes in the order they are tried (move up and down), and one form
 * with rows of dial patterns and of trunks in failover order.
 */
@Named
@ViewScoped
public class OutboundRoutesView implements Serializable {

  private static final String FORM = "routeForm";

  @Inject private transient OutboundRouteService routes;
  @Inject private transient TrunkService trunks;
  @Inject private transient ExtensionService extensions;

  /** One dial pattern row of the form. */
  public static class PatternRow implements Serializable {
    private String pattern;
    private Integer strip;
    private String prepend;

    PatternRow() {}

    PatternRow(DialPattern p) {
      pattern = p.pattern();
      strip = p.strip();
      prepend = p.prepend();
    }

    public String getPattern() {
      return pattern;
    }

    public void setPattern(String pattern) {
      this.pattern = pattern;
    }

    public Integer getStrip() {
      return strip;
    }

    public void setStrip(Integer strip) {
      this.strip = strip;
    }

    public String getPrepend() {
      return prepend;
    }

    public void setPrepend(String prepend) {
      this.prepend = prepend;
    }
  }

  /** One trunk row of the form, in failover order. */
  public static class TrunkRow implements Serializable {
    private Long trunkId;

    TrunkRow(Long trunkId) {
      this.trunkId = trunkId;
    }

    public Long getTrunkId() {
      return trunkId;
    }

    public void setTrunkId(Long trunkId) {
      this.trunkId = trunkId;
    }
  }

  private List<OutboundRoute> all;
  private Map<Long, String> trunkNames;
  private List<Trunk> allTrunks;
  private List<Extension> allExtensions;
  private Long editingId;
  private int editingVersion;
  private String editingName;
  private String name;
  private List<PatternRow> patterns;
  private List<TrunkRow> trunkRows;
  private List<String> members;
  private String callerIdNumber;

  @PostConstruct
  void load() {
    all = routes.all();
    allTrunks = trunks.all();
    trunkNames = allTrunks.stream().collect(Collectors.toMap(Trunk::getId, Trunk::getName));
    allExtensions = extensions.all();
    if (patterns == null) {
      startNew();
    }
  }

  public void startNew() {
    editingId = null;
    editingName = null;
    name = callerIdNumber = null;
    patterns = new ArrayList<>(List.of(new PatternRow()));
    trunkRows = new ArrayList<>(List.of(new TrunkRow(null)));
    members = new ArrayList<>();
  }

  public void edit(long id) {
    OutboundRoute r;
    try {
      r = routes.get(id);
    } catch (NotFoundException gone) {
      FormMessages.error("This outbound route was deleted by someone else.");
      load();
      return;
    }
    editingId = r.getId();
    editingVersion = r.getVersion();
    editingName = r.getName();
    name = r.getName();
    patterns = new ArrayList<>(r.getDialPatterns().stream().map(PatternRow::new).toList());
    trunkRows = new ArrayList<>(r.getTrunkIds().stream().map(TrunkRow::new).toList());
    members = new ArrayList<>(r.getMembers());
    callerIdNumber = r.getCallerIdNumber();
  }

  public void addPattern() {
    patterns.add(new PatternRow());
  }

  public void removePattern(int index) {
    if (patterns.size() > 1) {
      patterns.remove(index);
    }
  }

  public void addTrunk() {
    trunkRows.add(new TrunkRow(null));
  }

  public void removeTrunk(int index) {
    if (trunkRows.size() > 1) {
      trunkRows.remove(index);
    }
  }

  public void save() {
    OutboundRouteDraft draft =
        new OutboundRouteDraft(
            name,
            patterns.stream()
                .map(p -> new DialPatternDraft(p.getPattern(), p.getStrip(), p.getPrepend()))
                .toList(),
            trunkRows.stream().map(TrunkRow::getTrunkId).toList(),
            members,
            callerIdNumber);
    try {
      if (editingId == null) {
        routes.create(draft, FormMessages.actor());
        FormMessages.info("Outbound route " + draft.name() + " created");
      } else {
        routes.update(editingId, editingVersion, draft, FormMessages.actor());
        FormMessages.info("Outbound route " + draft.name() + " saved");
      }
      startNew();
      load();
    } catch (ConcurrentChangeException e) {
      FormMessages.refused(e.getMessage());
    } catch (NotFoundException e) {
      FormMessages.refused(
          "Outbound route " + editingName + " was deleted by someone else; nothing was saved.");
      startNew();
      load();
    } catch (InvalidInputException e) {
      FormMessages.fields(FORM, e.violations());
    }
  }

  public void move(long id, String direction) {
    try {
      routes.move(id, Direction.parse(direction).orElseThrow(), FormMessages.actor());
    } catch (NotFoundException e) {
      FormMessages.error("This outbound route was deleted by someone else.");
    }
    load();
  }

  public void delete(long id, String shownName) {
    try {
      routes.delete(id, FormMessages.actor());
      FormMessages.info("Outbound route " + shownName + " deleted");
    } catch (NotFoundException e) {
      FormMessages.info("Outbound route " + shownName + " was already deleted by someone else.");
    }
    if (editingId != null && editingId == id) {
      startNew();
    }
    load();
  }

  /** The route's patterns as the list shows them: {@code 9X. strip 1, 00X.}. */
  public String patternsOf(OutboundRoute route) {
    return route.getDialPatterns().stream()
        .map(DialPattern::toString)
        .collect(Collectors.joining(", "));
  }

  public String trunksOf(OutboundRoute route) {
    return route.getTrunkIds().stream()
        .map(id -> trunkNames.getOrDefault(id, "?"))
        .collect(Collectors.joining(" → "));
  }

  public String membersOf(OutboundRoute route) {
    return String.join(", ", route.getMembers());
  }

  public boolean isFirst(OutboundRoute route) {
    return !all.isEmpty() && all.get(0) == route;
  }

  public boolean isLast(OutboundRoute route) {
    return !all.isEmpty() && all.get(all.size() - 1) == route;
  }

  public List<OutboundRoute> getAll() {
    return all;
  }

  public List<Trunk> getAllTrunks() {
    return allTrunks;
  }

  public List<Extension> getAllExtensions() {
    return allExtensions;
  }

  public boolean isEditing() {
    return editingId != null;
  }

  public String getEditingName() {
    return editingName;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<PatternRow> getPatterns() {
    return patterns;
  }

  public List<TrunkRow> getTrunkRows() {
    return trunkRows;
  }

  public List<String> getMembers() {
    return members;
  }

  public void setMembers(List<String> members) {
    this.members = members;
  }

  public String getCallerIdNumber() {
    return callerIdNumber;
  }

  public void setCallerIdNumber(String callerIdNumber) {
    this.callerIdNumber = callerIdNumber;
  }
}
