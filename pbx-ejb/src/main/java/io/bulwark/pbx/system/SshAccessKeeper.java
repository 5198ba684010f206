package io.bulwark.pbx.system;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Brings the system's SSH service to the saved state and port when Bulwark starts: off on a new
 * appliance, whatever the image left running. A helper that fails is logged; the start goes on.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class SshAccessKeeper {

  private static final Logger LOG = Logger.getLogger(SshAccessKeeper.class);

  @Inject private SshAccessService access;
  @Inject private SchemaMigration schema;

  @PostConstruct
  void start() {
    if (!schema.isMigrated()) {
      return;
    }
    try {
      access.enforce().ifPresent(LOG::info);
    } catch (UnavailableException e) {
      LOG.warnf("SSH access could not be brought to the saved state: %s", e.getMessage());
    }
  }
}
