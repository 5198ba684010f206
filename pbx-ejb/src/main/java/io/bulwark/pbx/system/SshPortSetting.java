package io.bulwark.pbx.system;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The SSH port an administrator saved, one row; null is the launcher's. Changes to it are counted
 * in the version of {@link SshAccessSetting}, the section of the page both belong to.
 */
@Entity
@Table(name = "ssh_port")
public class SshPortSetting {

  static final int ID = 1;

  @Id private int id;

  private Integer port;

  protected SshPortSetting() {}

  /** The port saved, or null when none was. */
  Integer saved() {
    return port;
  }

  void save(int port) {
    this.port = port;
  }
}
