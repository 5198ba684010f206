package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.extension.Extension;
import io.bulwark.pbx.extension.ExtensionGroup;
import io.bulwark.pbx.extension.ExtensionGroupService;
import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.routing.DialPattern;
import io.bulwark.pbx.routing.DialPatternDraft;
import io.bulwark.pbx.routing.OutboundRoute;
import io.bulwark.pbx.routing.OutboundRouteDraft;
import io.bulwark.pbx.routing.OutboundRouteService;
import io.bulwark.pbx.routing.PinList;
import io.bulwark.pbx.routing.PinListService;
import io.bulwark.pbx.routing.PinMode;
import io.bulwark.pbx.routing.RoutePinDraft;
import io.bulwark.pbx.routing.TimeCondition;
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
public class OutboundRoutesView extends OrderedRoutesView<OutboundRoute, OutboundRouteDraft> {

  @Inject private transient OutboundRouteService routes;
  @Inject private transient TrunkService trunks;
  @Inject private transient ExtensionService extensions;
  @Inject private transient ExtensionGroupService groups;
  @Inject private transient PinListService pinLists;

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

  private Map<Long, String> trunkNames;
  private List<Trunk> allTrunks;
  private List<Extension> allExtensions;
  private String name;
  private List<PatternRow> patterns;
  private List<TrunkRow> trunkRows;
  private List<String> members;
  private String callerIdNumber;
  private TimeCondition timeCondition;

  /** The groups' ids as text: a select-many loses the element type of a list. */
  private List<String> groupIds;

  private List<ExtensionGroup> allGroups;
  private Map<Long, String> groupNames;
  private PinMode pinMode;
  private String pin;
  private Long pinListId;
  private List<PinList> allPinLists;

  public OutboundRoutesView() {
    super("Outbound route");
  }

  @PostConstruct
  @Override
  void load() {
    loadRoutes();
    allTrunks = trunks.all();
    trunkNames = allTrunks.stream().collect(Collectors.toMap(Trunk::getId, Trunk::getName));
    allExtensions = extensions.all();
    allGroups = groups.all();
    groupNames =
        allGroups.stream()
            .collect(Collectors.toMap(ExtensionGroup::getId, ExtensionGroup::getName));
    allPinLists = pinLists.all();
    if (patterns == null) {
      startNew();
    }
  }

  @Override
  OutboundRouteService routes() {
    return routes;
  }

  @Override
  void clearFields() {
    name = callerIdNumber = null;
    timeCondition = TimeCondition.ANY_TIME;
    patterns = new ArrayList<>(List.of(new PatternRow()));
    trunkRows = new ArrayList<>(List.of(new TrunkRow(null)));
    members = new ArrayList<>();
    groupIds = new ArrayList<>();
    pinMode = PinMode.NONE;
    pin = null;
    pinListId = null;
  }

  @Override
  void fill(OutboundRoute r) {
    name = r.getName();
    patterns = new ArrayList<>(r.getDialPatterns().stream().map(PatternRow::new).toList());
    trunkRows = new ArrayList<>(r.getTrunkIds().stream().map(TrunkRow::new).toList());
    members = new ArrayList<>(r.getMembers());
    groupIds = new ArrayList<>(r.getGroupIds().stream().map(String::valueOf).toList());
    callerIdNumber = r.getCallerIdNumber();
    timeCondition = r.getTimeCondition();
    pinMode = r.getPinMode();
    pin = routes.pinOf(r);
    pinListId = r.getPinListId();
  }

  @Override
  OutboundRouteDraft draft() {
    return new OutboundRouteDraft(
        name,
        patterns.stream()
            .map(p -> new DialPatternDraft(p.getPattern(), p.getStrip(), p.getPrepend()))
            .toList(),
        trunkRows.stream().map(TrunkRow::getTrunkId).toList(),
        members,
        callerIdNumber,
        timeCondition == null ? null : timeCondition.name(),
        groupIds.stream().map(Long::valueOf).toList(),
        new RoutePinDraft(pinMode == null ? null : pinMode.name(), pin, pinListId));
  }

  @Override
  String nameOf(OutboundRouteDraft draft) {
    return draft.name();
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

  /** The extensions and groups a route lists, on one line. */
  public String membersOf(OutboundRoute route) {
    List<String> listed = new ArrayList<>(route.getMembers());
    route.getGroupIds().forEach(g -> listed.add("group " + groupNames.getOrDefault(g, "#" + g)));
    return String.join(", ", listed);
  }

  public List<Trunk> getAllTrunks() {
    return allTrunks;
  }

  public List<Extension> getAllExtensions() {
    return allExtensions;
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

  public List<String> getGroupIds() {
    return groupIds;
  }

  public void setGroupIds(List<String> groupIds) {
    this.groupIds = groupIds;
  }

  public List<ExtensionGroup> getAllGroups() {
    return allGroups;
  }

  public PinMode getPinMode() {
    return pinMode;
  }

  public void setPinMode(PinMode pinMode) {
    this.pinMode = pinMode;
  }

  public String getPin() {
    return pin;
  }

  public void setPin(String pin) {
    this.pin = pin;
  }

  public Long getPinListId() {
    return pinListId;
  }

  public void setPinListId(Long pinListId) {
    this.pinListId = pinListId;
  }

  public List<PinList> getAllPinLists() {
    return allPinLists;
  }

  public TimeCondition getTimeCondition() {
    return timeCondition;
  }

  public void setTimeCondition(TimeCondition timeCondition) {
    this.timeCondition = timeCondition;
  }

  public TimeCondition[] getTimeConditions() {
    return TimeCondition.values();
  }
}
