package io.bulwark.pbx.upgrade;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Takes in the installer's outcome within seconds of it being written (by the release that runs
 * afterwards), and looks each minute whether the daily check for updates is due. The five-second
 * look is at files only: a call into another bean made while the deployment starts waits for its
 * startup, which a failing start never ends, and WildFly then cannot stop the deployment.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UpgradeScheduler {

  @Inject private UpgradeService upgrades;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  void everyFiveSeconds() {
    if (UpgradeDirectory.fromEnvironment().hasUnrecordedResults()) {
      upgrades.recordOutcomes();
    }
  }

  @Schedule(hour = "*", minute = "*", persistent = false)
  void everyMinute() {
    upgrades.endSilentInstalls();
    upgrades.checkIfDue();
  }
}
