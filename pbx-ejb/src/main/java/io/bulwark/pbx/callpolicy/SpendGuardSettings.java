package io.bulwark.pbx.callpolicy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The spend guard's limits and what a suspicion of toll fraud does; one row. */
@Entity
@Table(name = "spend_guard_settings")
public class SpendGuardSettings {

  public static final int ID = 1;

  @Id private int id;

  @Column(name = "extension_minutes_per_day")
  private Integer extensionMinutesPerDay;

  @Column(name = "global_minutes_per_day")
  private Integer globalMinutesPerDay;

  @Column(name = "extension_international_per_hour")
  private Integer extensionInternationalPerHour;

  @Column(name = "extension_international_per_day")
  private Integer extensionInternationalPerDay;

  @Column(name = "global_international_per_hour")
  private Integer globalInternationalPerHour;

  @Column(name = "global_international_per_day")
  private Integer globalInternationalPerDay;

  @Column(name = "alert_on_anomaly", nullable = false)
  private boolean alertOnAnomaly;

  @Column(name = "block_on_anomaly", nullable = false)
  private boolean blockOnAnomaly;

  @Version private int version;

  protected SpendGuardSettings() {}

  void apply(SpendLimits limits) {
    extensionMinutesPerDay = limits.extensionMinutesPerDay();
    globalMinutesPerDay = limits.globalMinutesPerDay();
    extensionInternationalPerHour = limits.extensionInternationalPerHour();
    extensionInternationalPerDay = limits.extensionInternationalPerDay();
    globalInternationalPerHour = limits.globalInternationalPerHour();
    globalInternationalPerDay = limits.globalInternationalPerDay();
    alertOnAnomaly = limits.alertOnAnomaly();
    blockOnAnomaly = limits.blockOnAnomaly();
  }

  public SpendLimits limits() {
    return new SpendLimits(
        extensionMinutesPerDay,
        globalMinutesPerDay,
        extensionInternationalPerHour,
        extensionInternationalPerDay,
        globalInternationalPerHour,
        globalInternationalPerDay,
        alertOnAnomaly,
        blockOnAnomaly);
  }

  public int getVersion() {
    return version;
  }
}
