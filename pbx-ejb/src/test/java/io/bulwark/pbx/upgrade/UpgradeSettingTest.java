package io.bulwark.pbx.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The daily check, with time moved by a {@link Clock} rather than waited for. */
class UpgradeSettingTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  private static UpgradeSetting saved(UpgradePolicy policy, String source, Clock clock) {
    UpgradeSetting setting = new UpgradeSetting();
    setting.apply(new UpgradeSettingDraft(policy, LocalTime.of(3, 0), source), clock.instant());
    return setting;
  }

  @Test
  void theFirstCheckIsAtTheTimeSetAfterSavingNotAtOnce() {
    UpgradeSetting setting = saved(UpgradePolicy.AUTO, "/srv/releases", at("2026-12-02T10:00:00Z"));
    assertFalse(setting.checkDue(at("2026-12-02T10:01:00Z").instant(), ZONE));
    assertEquals(
        Optional.of(Instant.parse("2026-12-03T02:00:00Z")),
        setting.nextCheck(ZONE),
        "03:00 Berlin");
    assertFalse(setting.checkDue(Instant.parse("2026-12-03T01:59:59Z"), ZONE));
    assertTrue(setting.checkDue(Instant.parse("2026-12-03T02:00:00Z"), ZONE));
  }

  @Test
  void afterACheckTheNextIsTheFollowingDay() {
    UpgradeSetting setting =
        saved(UpgradePolicy.NOTIFY, "/srv/releases", at("2026-12-02T10:00:00Z"));
    setting.checked(Instant.parse("2026-12-03T02:00:05Z"), Optional.empty());
    assertFalse(setting.checkDue(Instant.parse("2026-12-03T12:00:00Z"), ZONE));
    assertEquals(Optional.of(Instant.parse("2026-12-04T02:00:00Z")), setting.nextCheck(ZONE));
  }

  @Test
  void neverMeansNeverAndNoSourceMeansNothingToCheck() {
    assertEquals(
        Optional.empty(),
        saved(UpgradePolicy.NEVER, "/srv/releases", at("2026-12-02T10:00:00Z")).nextCheck(ZONE));
    assertEquals(
        Optional.empty(),
        saved(UpgradePolicy.AUTO, "", at("2026-12-02T10:00:00Z")).nextCheck(ZONE));
  }

  @Test
  void anotherSourceForgetsTheReleaseFoundAtTheOldOne() {
    UpgradeSetting setting = saved(UpgradePolicy.NOTIFY, "/srv/a", at("2026-12-02T10:00:00Z"));
    setting.checked(
        Instant.parse("2026-12-02T10:05:00Z"),
        Optional.of(
            new ReleaseFinder.Found(
                java.nio.file.Path.of("/srv/a/bulwark-2.0.0.zip"),
                new ReleasePackage.Manifest(ReleaseVersion.parse("2.0.0"), "0".repeat(64), ""))));
    assertEquals(Optional.of("2.0.0"), setting.availableVersion());
    setting.apply(
        new UpgradeSettingDraft(UpgradePolicy.NOTIFY, LocalTime.of(3, 0), "/srv/b"),
        Instant.parse("2026-12-02T10:06:00Z"));
    assertEquals(Optional.empty(), setting.availableVersion());
  }
}
