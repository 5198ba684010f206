package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.routing.DialPattern;
import io.bulwark.pbx.system.Columns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;

/** A named set of numbers and number patterns the PBX never dials (the guide's Blocked Numbers). */
@Entity
@Table(name = "blocked_number")
@NamedQuery(name = "BlockedNumber.all", query = "select b from BlockedNumber b order by b.name")
public class BlockedNumber {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String name;

  @Column(nullable = false, columnDefinition = "TEXT")
  private String patterns;

  @Version private int version;

  protected BlockedNumber() {}

  BlockedNumber(BlockedNumberDraft draft) {
    apply(draft);
  }

  /** Takes what a valid draft says. */
  void apply(BlockedNumberDraft draft) {
    name = draft.name().strip();
    patterns = Columns.lines(draft.cleanPatterns());
  }

  /** The patterns as the chain matches them. */
  List<DialPattern> dialPatterns() {
    return getPatterns().stream().map(DialPattern::parse).toList();
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public List<String> getPatterns() {
    return Columns.entries(patterns);
  }

  public int getVersion() {
    return version;
  }
}
