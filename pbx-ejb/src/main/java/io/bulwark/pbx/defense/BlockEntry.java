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
    name = "BlockEntry.expiredBefore",
    query = "delete from BlockEntry b where b.until < :before")
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

  @Enumerated(EnumType.STRING)
  @Column(length = 8)
  private Protocol protocol;

  @Column(name = "attacked_port")
  private Integer attackedPort;

  @Column(length = 96)
  private String target;

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

  BlockEntry(AutomaticBlock decided) {
    this(
        CidrBlock.of(decided.source()),
        decided.type(),
        decided.reason(),
        decided.blockedAt(),
        decided.until(),
        "Bulwark");
    this.protocol = decided.protocol();
    this.attackedPort = decided.port();
    this.target = decided.target();
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

  /** The protocol of an automatic block's last packet; {@code null} for one made by hand. */
  public Protocol getProtocol() {
    return protocol;
  }

  public Integer getAttackedPort() {
    return attackedPort;
  }

  /** What the source was after, when known: {@code SIP extension 1001}. */
  public String getTarget() {
    return target;
  }
}
