package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.trunk.Transport;
import io.bulwark.pbx.trunk.Trunk;
import io.bulwark.pbx.trunk.TrunkDraft;
import io.bulwark.pbx.trunk.TrunkKind;
import io.bulwark.pbx.trunk.TrunkService;
import io.bulwark.pbx.trunk.TrunkStatusBoard;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The Trunks page: the list with each register trunk's status, and one form to create or edit. */
@Named
@ViewScoped
public class TrunksView implements Serializable {

  @Inject private transient TrunkService trunks;
  @Inject private transient TrunkStatusBoard status;

  private final EditedRecord editing = new EditedRecord("Trunk", "trunkForm");
  private List<Trunk> all;
  private String name;
  private TrunkKind kind = TrunkKind.REGISTER;
  private String host;
  private Integer port;
  private Transport transport = Transport.UDP;
  private String domain;
  private String username;
  private String authName;
  private String password;
  private String outboundProxy;
  private Integer registrationExpiry;
  private String callerIdNumber;
  private String callerIdName;
  private Integer maxConcurrentCalls;
  private boolean enabled = true;
  private boolean anchorMedia = true;

  @PostConstruct
  void load() {
    all = trunks.all();
  }

  public void refresh() {
    load();
  }

  /** "Registered", "Failed: 403 Forbidden", "Unregistered"; a peer has no registration. */
  public String statusOf(Trunk trunk) {
    if (trunk.getKind() == TrunkKind.PEER) {
      return "Peer";
    }
    if (!trunk.isEnabled()) {
      return "Disabled";
    }
    TrunkStatusBoard.Status now = status.statusOf(trunk.getId());
    String state =
        switch (now.state()) {
          case REGISTERED -> "Registered";
          case FAILED -> "Failed";
          case UNREGISTERED -> "Unregistered";
        };
    return now.detail().isEmpty() ? state : state + ": " + now.detail();
  }

  public void startNew() {
    editing.clear();
    name = host = domain = username = authName = password = outboundProxy = null;
    callerIdNumber = callerIdName = null;
    port = registrationExpiry = maxConcurrentCalls = null;
    kind = TrunkKind.REGISTER;
    transport = Transport.UDP;
    enabled = anchorMedia = true;
  }

  public void edit(long id) {
    editing.ifStillThere(() -> trunks.get(id)).ifPresentOrElse(this::fill, this::load);
  }

  /** Fills the form from {@code t}, which it edits from now on. */
  private void fill(Trunk t) {
    editing.edit(t.getId(), t.getVersion(), t.getName());
    name = t.getName();
    kind = t.getKind();
    host = t.getHost();
    port = t.getPort();
    transport = t.getTransport();
    domain = t.getDomain();
    username = t.getUsername();
    authName = t.getAuthName();
    password = null;
    outboundProxy = t.getOutboundProxy();
    registrationExpiry = t.getRegistrationExpiry();
    callerIdNumber = t.getCallerIdNumber();
    callerIdName = t.getCallerIdName();
    maxConcurrentCalls = t.getMaxConcurrentCalls();
    enabled = t.isEnabled();
    anchorMedia = t.isAnchorMedia();
  }

  public void save() {
    TrunkDraft draft =
        new TrunkDraft(
            name,
            kind == null ? null : kind.name(),
            host,
            port,
            transport == null ? null : transport.name(),
            domain,
            username,
            authName,
            password,
            outboundProxy,
            registrationExpiry,
            callerIdNumber,
            callerIdName,
            maxConcurrentCalls,
            enabled,
            anchorMedia);
    if (editing.save(
        draft.name(),
        actor -> trunks.create(draft, actor),
        (id, version, actor) -> trunks.update(id, version, draft, actor))) {
      startNew();
      load();
    }
  }

  /**
   * Deletes the trunk the list shows as {@code shownName}. A trunk a route uses stays, and so does
   * the form when someone else had deleted the trunk already.
   */
  public void delete(long id, String shownName) {
    if (editing.delete(shownName, actor -> trunks.delete(id, actor)) && editing.isEditing(id)) {
      startNew();
    }
    load();
  }

  public List<Trunk> getAll() {
    return all;
  }

  public TrunkKind[] getKinds() {
    return TrunkKind.values();
  }

  public Transport[] getTransports() {
    return Transport.values();
  }

  public boolean isEditing() {
    return editing.isEditing();
  }

  public String getEditingName() {
    return editing.name();
  }

  public boolean isRegister() {
    return kind == TrunkKind.REGISTER;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public TrunkKind getKind() {
    return kind;
  }

  public void setKind(TrunkKind kind) {
    this.kind = kind;
  }

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public Transport getTransport() {
    return transport;
  }

  public void setTransport(Transport transport) {
    this.transport = transport;
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getAuthName() {
    return authName;
  }

  public void setAuthName(String authName) {
    this.authName = authName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getOutboundProxy() {
    return outboundProxy;
  }

  public void setOutboundProxy(String outboundProxy) {
    this.outboundProxy = outboundProxy;
  }

  public Integer getRegistrationExpiry() {
    return registrationExpiry;
  }

  public void setRegistrationExpiry(Integer registrationExpiry) {
    this.registrationExpiry = registrationExpiry;
  }

  public String getCallerIdNumber() {
    return callerIdNumber;
  }

  public void setCallerIdNumber(String callerIdNumber) {
    this.callerIdNumber = callerIdNumber;
  }

  public String getCallerIdName() {
    return callerIdName;
  }

  public void setCallerIdName(String callerIdName) {
    this.callerIdName = callerIdName;
  }

  public Integer getMaxConcurrentCalls() {
    return maxConcurrentCalls;
  }

  public void setMaxConcurrentCalls(Integer maxConcurrentCalls) {
    this.maxConcurrentCalls = maxConcurrentCalls;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean isAnchorMedia() {
    return anchorMedia;
  }

  public void setAnchorMedia(boolean anchorMedia) {
    this.anchorMedia = anchorMedia;
  }
}
