package io.bulwark.pbx.system;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Tells the process the RTP range saved, which the launcher started the media relay on, and writes
 * the launcher's port file again from it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class RtpPortsKeeper {

  @Inject private RtpPortsService ports;
  @Inject private SchemaMigration schema;

  @PostConstruct
  void start() {
    if (schema.isMigrated()) {
      ports.started();
    }
  }
}
