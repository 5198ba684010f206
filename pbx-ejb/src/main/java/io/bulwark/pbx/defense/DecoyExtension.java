package io.bulwark.pbx.defense;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A number no phone uses, there to be found by scanners: whoever registers to it or calls it is
 * blocked at once.
 */
@Entity
@Table(name = "decoy_extension")
@NamedQuery(name = "DecoyExtension.all", query = "select d from DecoyExtension d order by d.number")
public class DecoyExtension {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 16)
  private String number;

  @Column(length = 255)
  private String note;

  protected DecoyExtension() {}

  DecoyExtension(String number, String note) {
    this.number = number;
    this.note = note;
  }

  public Long getId() {
    return id;
  }

  public String getNumber() {
    return number;
  }

  public String getNote() {
    return note;
  }
}
