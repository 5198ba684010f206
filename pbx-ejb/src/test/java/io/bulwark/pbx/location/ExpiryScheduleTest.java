package io.bulwark.pbx.location;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ExpiryScheduleTest {

  private final ExpirySchedule schedule = new ExpirySchedule();

  @Test
  void nothingIsDueBeforeTheSecondAfterTheExpiry() {
    schedule.schedule("201", 10_500);

    // Rounded up to second 11: at 10.999 s the binding is still active, so nothing is due.
    assertEquals(List.of(), schedule.takeDue(10_500));
    assertEquals(List.of(), schedule.takeDue(10_999));
    assertEquals(List.of("201"), schedule.takeDue(11_000));
  }

  @Test
  void expiryOnAWholeSecondIsDueAtThatSecond() {
    schedule.schedule("201", 11_000);

    assertEquals(List.of(), schedule.takeDue(10_999));
    assertEquals(List.of("201"), schedule.takeDue(11_000));
  }

  @Test
  void takeDueRemovesWhatItReturnsAndLeavesLaterEntries() {
    schedule.schedule("201", 5_000);
    schedule.schedule("202", 5_200);
    schedule.schedule("203", 9_000);
    assertEquals(3, schedule.entries());

    List<String> due = schedule.takeDue(7_000);

    assertEquals(Set.of("201", "202"), new TreeSet<>(due));
    assertEquals(1, schedule.entries());
    assertEquals(List.of(), schedule.takeDue(7_000));
    assertEquals(List.of("203"), schedule.takeDue(60_000));
    assertEquals(0, schedule.entries());
  }

  @Test
  void sameAddressInTheSameSecondIsOneEntry() {
    schedule.schedule("201", 5_100);
    schedule.schedule("201", 5_900);

    assertEquals(1, schedule.entries());
    assertEquals(List.of("201"), schedule.takeDue(6_000));
  }

  @Test
  void manyAddressesInOneSecondAreAllDue() {
    for (int i = 0; i < 1000; i++) {
      schedule.schedule("a" + i, 42_000);
    }
    assertEquals(1000, schedule.takeDue(42_000).size());
    assertEquals(0, schedule.entries());
  }
}
