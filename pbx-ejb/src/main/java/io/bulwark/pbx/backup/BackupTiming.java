package io.bulwark.pbx.backup;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/** When scheduled backups run: every day, or every week on one day, at a time of the PBX's zone. */
public record BackupTiming(Frequency frequency, DayOfWeek day, LocalTime at) {

  public enum Frequency {
    DAILY,
    WEEKLY
  }

  /** The first run strictly after {@code after}, read in {@code zone}. */
  public Instant next(Instant after, ZoneId zone) {
    ZonedDateTime from = after.atZone(zone);
    ZonedDateTime candidate = from.with(at);
    if (frequency == Frequency.WEEKLY) {
      candidate = candidate.with(TemporalAdjusters.nextOrSame(day));
    }
    while (!candidate.isAfter(from)) {
      candidate =
          frequency == Frequency.WEEKLY
              ? candidate.plusWeeks(1).with(at)
              : candidate.plusDays(1).with(at);
    }
    return candidate.toInstant();
  }

  /** "Every Monday at 02:30" or "Every day at 02:30". */
  public String describe() {
    String time = at.toString();
    return frequency == Frequency.DAILY
        ? "every day at " + time
        : "every " + io.bulwark.pbx.event.EventType.sentence(day.name()) + " at " + time;
  }
}
