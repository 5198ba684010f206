package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.defense.AddressCheck;
import io.bulwark.pbx.defense.BlockDraft;
import io.bulwark.pbx.defense.BlockEntry;
import io.bulwark.pbx.defense.Blocklist;
import io.bulwark.pbx.defense.BlocklistDraft;
import io.bulwark.pbx.defense.BlocklistSettings;
import io.bulwark.pbx.defense.DefenseService;
import io.bulwark.pbx.defense.DefenseTable;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.web.http.ClientAddress;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletRequest;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Security > Blocked IPs: what is kept out and why; block a source by hand, lift a block, and ask
 * what would happen to an address.
 */
@Named
@ViewScoped
public class BlockedIpsView implements Serializable {

  @Inject private transient DefenseService defense;
  @Inject private transient Clock clock;
  @Inject private transient DefenseTable defenses;
  @Inject private transient Blocklist blocklist;

  @PostConstruct
  void load() {
    show(defense.blocklistSettings());
  }

  private void show(BlocklistSettings settings) {
    blocklistEnabled = settings.isEnabled();
    blocklistUrl = settings.getUrl();
    blocklistHours = settings.getIntervalHours();
    blocklistVersion = settings.getVersion();
    if (settings.getLastSyncAt() == null) {
      blocklistStatus = "Never fetched.";
    } else if (settings.getLastError() != null) {
      blocklistStatus =
          "The last fetch, at "
              + settings.getLastSyncAt()
              + ", failed: "
              + settings.getLastError()
              + ". The entries of the fetch before stay in force.";
    } else {
      blocklistStatus =
          "Fetched at "
              + settings.getLastSyncAt()
              + ": "
              + settings.getLastEntries()
              + " addresses and networks"
              + (settings.getLastSkipped() > 0
                  ? ", " + settings.getLastSkipped() + " lines not understood"
                  : "")
              + ".";
    }
  }

  public void saveBlocklist() {
    try {
      defense.updateBlocklist(
          blocklistVersion,
          new BlocklistDraft(blocklistEnabled, blocklistUrl, blocklistHours),
          FormMessages.actor());
      show(blocklist.sync());
      FormMessages.info("Blocklist saved. " + blocklistStatus);
    } catch (InvalidInputException e) {
      FormMessages.fields("blocklist", e.violations());
    } catch (ConcurrentChangeException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public void syncBlocklist() {
    show(blocklist.sync());
    FormMessages.info(blocklistStatus);
  }

  public boolean isBlocklistEnabled() {
    return blocklistEnabled;
  }

  public void setBlocklistEnabled(boolean blocklistEnabled) {
    this.blocklistEnabled = blocklistEnabled;
  }

  public String getBlocklistUrl() {
    return blocklistUrl;
  }

  public void setBlocklistUrl(String blocklistUrl) {
    this.blocklistUrl = blocklistUrl;
  }

  public Integer getBlocklistHours() {
    return blocklistHours;
  }

  public void setBlocklistHours(Integer blocklistHours) {
    this.blocklistHours = blocklistHours;
  }

  public String getBlocklistStatus() {
    return blocklistStatus;
  }

  private String source;
  private String reason;
  private Integer minutes;
  private String checkAddress;
  private boolean blocklistEnabled;
  private String blocklistUrl;
  private Integer blocklistHours;
  private int blocklistVersion;
  private String blocklistStatus;
  private List<CheckRow> checks = List.of();

  /** One block as the table shows it. */
  public record Row(BlockEntry entry, boolean active) {
    public long getId() {
      return entry.getId();
    }

    public String getSource() {
      return entry.getSource();
    }

    public String getDefenseType() {
      return entry.getType().getLabel();
    }

    public String getReason() {
      return entry.getReason();
    }

    public Instant getBlockedAt() {
      return entry.getBlockedAt();
    }

    public Instant getUntil() {
      return entry.getUntil();
    }

    public String getBlockedBy() {
      return entry.getBlockedBy() == null ? "" : entry.getBlockedBy();
    }

    /** What was attacked, or for a block made by hand the range blocked. */
    public String getTarget() {
      return entry.getTarget() == null ? entry.getSource() : entry.getTarget();
    }

    public String getProtocol() {
      return entry.getProtocol() == null ? "" : entry.getProtocol().getLabel();
    }

    public String getAttackedPort() {
      return entry.getAttackedPort() == null ? "" : entry.getAttackedPort().toString();
    }

    public String getState() {
      return active ? (entry.getUntil() == null ? "Permanent" : "Temporary") : "Expired";
    }
  }

  /** One service's verdict, as the check's table shows it. */
  public record CheckRow(String service, String verdict, String because) implements Serializable {
    CheckRow(AddressCheck check) {
      this(
          check.service() + " (port " + check.port() + ")",
          check.verdict().admitted() ? "Let in" : "Kept out",
          check.verdict().because());
    }

    public String getService() {
      return service;
    }

    public String getVerdict() {
      return verdict;
    }

    public String getBecause() {
      return because;
    }
  }

  public List<Row> getBlocks() {
    Instant now = clock.instant();
    return defense.all().stream().map(b -> new Row(b, b.activeAt(now))).toList();
  }

  public void block() {
    try {
      BlockEntry entry =
          defense.block(
              new BlockDraft(source, reason, minutes),
              FormMessages.actor(),
              ClientAddress.of(
                  (ServletRequest)
                      FacesContext.getCurrentInstance().getExternalContext().getRequest()));
      FormMessages.info(entry.getSource() + " is blocked.");
      source = null;
      reason = null;
      minutes = null;
    } catch (InvalidInputException e) {
      FormMessages.fields("block", e.violations());
    }
  }

  public void unblock(long id) {
    try {
      defense.unblock(id, FormMessages.actor());
      FormMessages.info("The block is lifted.");
    } catch (NotFoundException e) {
      FormMessages.error("That block had already been lifted.");
    }
  }

  /** Says what the firewall would do with {@link #getCheckAddress()} on each service, and why. */
  public void check() {
    try {
      checks = AddressCheck.of(defenses, checkAddress).stream().map(CheckRow::new).toList();
    } catch (InvalidInputException e) {
      checks = List.of();
      FormMessages.fields("check", e.violations());
    }
  }

  public List<CheckRow> getChecks() {
    return checks;
  }

  public String getCheckAddress() {
    return checkAddress;
  }

  public void setCheckAddress(String checkAddress) {
    this.checkAddress = checkAddress;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Integer getMinutes() {
    return minutes;
  }

  public void setMinutes(Integer minutes) {
    this.minutes = minutes;
  }
}
