package io.bulwark.pbx.routing;

import io.bulwark.pbx.system.SecretCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.List;

/**
 * The guide's PIN List: PINs one of which a caller enters before a route that names the list takes
 * the call. Kept encrypted: a database dump does not hand out working PINs.
 */
@Entity
@Table(name = "pin_list")
@NamedQuery(name = "PinList.all", query = "select p from PinList p order by p.name")
public class PinList {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String name;

  /** The PINs, one per line, encrypted with {@link SecretCipher}. */
  @Column(name = "pins_secret", nullable = false, columnDefinition = "TEXT")
  private String pinsSecret;

  @Version private int version;

  protected PinList() {}

  PinList(PinListDraft draft, SecretCipher cipher) {
    apply(draft, cipher);
  }

  void apply(PinListDraft draft, SecretCipher cipher) {
    name = draft.name();
    pinsSecret = cipher.encrypt(String.join("\n", draft.pins()));
  }

  public List<String> pins(SecretCipher cipher) {
    String all = cipher.decrypt(pinsSecret);
    return all.isEmpty() ? List.of() : Arrays.asList(all.split("\n"));
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public int getVersion() {
    return version;
  }
}
