package io.bulwark.pbx.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiskSpaceTest {

  private static final long GIB = DiskSpace.GIB;

  @Test
  void aLargeDiskIsLowUnderATenthFree() {
    DiskSpace disk = new DiskSpace(200 * GIB, 19 * GIB);

    assertTrue(disk.low());
    assertFalse(new DiskSpace(200 * GIB, 20 * GIB).low());
    assertEquals("19.0 GiB free of 200.0 GiB (9 %)", disk.describe());
  }

  @Test
  void aSmallDiskIsLowUnderOneGibibyteFree() {
    assertTrue(new DiskSpace(8 * GIB, GIB - 1).low());
    assertFalse(new DiskSpace(8 * GIB, GIB).low());
  }

  @Test
  void aTinyDiskIsLowUnderHalfFreeRatherThanAlwaysLow() {
    assertFalse(new DiskSpace(GIB, GIB / 2).low());
    assertTrue(new DiskSpace(GIB, GIB / 2 - 1).low());
  }

  @Test
  void aDiskHoveringAtTheLineHasNotRecovered() {
    DiskSpace atTheLine = new DiskSpace(100 * GIB, 10 * GIB);

    assertFalse(atTheLine.low());
    assertFalse(atTheLine.recovered());
    assertTrue(new DiskSpace(100 * GIB, 12 * GIB).recovered());
  }
}
