package io.bulwark.pbx.defense;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * The global anti-hacking IP blocklist: whether it is on, where its feed is, how often it is
 * fetched, and how the last fetch went. The entries themselves are kept in memory.
 */
@Entity
@Table(name = "blocklist_settings")
public class BlocklistSettings {

  static final int ID = 1;

  @Id private int id;

  @Column(nullable = false)
  private boolean enabled;

  @Column(length = 2048)
  private String url;

  @Column(name = "interval_hours", nullable = false)
  private int intervalHours;

  @Column(name = "last_sync_at")
  private Instant lastSyncAt;

  @Column(name = "last_entries")
  private Integer lastEntries;

  @Column(name = "last_skipped")
  private Integer lastSkipped;

  @Column(name = "last_error", length = 255)
  private String lastError;

  @Version private int version;

  protected BlocklistSettings() {}

  void apply(BlocklistDraft draft) {
    enabled = draft.enabled();
    url = draft.url() == null || draft.url().isBlank() ? null : draft.url().strip();
    intervalHours = draft.intervalHours();
  }

  /** Whether a fetch is due at {@code now}: on, and never fetched or fetched an interval ago. */
  public boolean dueAt(Instant now) {
    return enabled
        && url != null
        && (lastSyncAt == null || !now.isBefore(lastSyncAt.plus(Duration.ofHours(intervalHours))));
  }

  void synced(Instant at, BlocklistFeed feed) {
    lastSyncAt = at;
    lastEntries = feed.entries().size();
    lastSkipped = feed.skipped();
    lastError = null;
  }

  void failed(Instant at, String error) {
    lastSyncAt = at;
    lastError = error.length() > 255 ? error.substring(0, 255) : error;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public String getUrl() {
    return url;
  }

  public int getIntervalHours() {
    return intervalHours;
  }

  public Instant getLastSyncAt() {
    return lastSyncAt;
  }

  public Integer getLastEntries() {
    return lastEntries;
  }

  public Integer getLastSkipped() {
    return lastSkipped;
  }

  public String getLastError() {
    return lastError;
  }

  public int getVersion() {
    return version;
  }
}
