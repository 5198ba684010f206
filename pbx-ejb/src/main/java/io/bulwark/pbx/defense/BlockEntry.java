package io.bulwark.pbx.defense;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of Blocked IPs. */
@Entity
@Table(name = "blocked_source")
@NamedQuery(
    name = "BlockEntry.all",
    query = "select b from BlockEntry b order by b.blockedAt desc, b.id desc")
@NamedQuery(
    name = "BlockEntry.inForce",
    query = "select b from BlockEntry b where b.until is null or b.until > :now")
public class BlockEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 49)
  private String source;

  @Enumerated(EnumType.STRING)
  @Column(name = "defense_type", nullable = false, length = 24)
  private DefenseType type;

  @Column(nullable = false)
  private String reason;

  @Column(name = "blocked_at", nullable = false)
  private Instant blockedAt;

  @Column(name = "until_at")
  private Instant until;

  @Column(name = "blocked_by", length = 128)
  private String blockedBy;

  protected BlockEntry() {}

  BlockEntry(
      CidrBlock source, DefenseType type, String reason, Instant at, Instant until, String by) {
    this.source = source.toString();
    this.type = type;
    this.reason = reason;
    this.blockedAt = at;
    this.until = until;
    this.blockedBy = by;
  }

  /** In force at {@code now}: permanent, or not yet expired. */
  public boolean activeAt(Instant now) {
    return until == null || now.isBefore(until);
  }

  public Block block() {
    return new Block(id, CidrBlock.parse(source), type, reason, blockedAt, until);
  }

  public Long getId() {
    return id;
  }

  public String getSource() {
    return source;
  }

  public DefenseType getType() {
    return type;
  }

  public String getReason() {
    return reason;
  }

  public Instant getBlockedAt() {
    return blockedAt;
  }

  public Instant getUntil() {
    return until;
  }

  public String getBlockedBy() {
    return blockedBy;
  }
}
