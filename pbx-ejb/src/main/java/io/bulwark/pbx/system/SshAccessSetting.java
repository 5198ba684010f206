package io.bulwark.pbx.system;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Whether the administrator wants the system's SSH service on; one row, off on a new system. */
@Entity
@Table(name = "ssh_access")
public class SshAccessSetting {

  static final int ID = 1;

  @Id private int id;

  @Column(nullable = false)
  private boolean enabled;

  @Version private int version;

  protected SshAccessSetting() {}

  public boolean isEnabled() {
    return enabled;
  }

  void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public int getVersion() {
    return version;
  }
}
