package io.bulwark.pbx.system;

/**
 * When a disk counts as nearly full: less than a tenth of it free, or less than 1 GiB, whichever
 * leaves more room. Once reported, a disk is reported again only after it had clearly recovered (a
 * fifth more than that free), so a disk hovering at the line does not raise an alert a minute.
 */
public record DiskSpace(long totalBytes, long freeBytes) {

  static final long GIB = 1L << 30;

  /** The free space under which the disk is low. */
  public long threshold() {
    return Math.max(totalBytes / 10, Math.min(GIB, totalBytes / 2));
  }

  public boolean low() {
    return freeBytes < threshold();
  }

  /** Whether a disk reported low has enough free again to be reported anew. */
  public boolean recovered() {
    return freeBytes >= threshold() + threshold() / 5;
  }

  public int freePercent() {
    return totalBytes == 0 ? 0 : (int) (freeBytes * 100 / totalBytes);
  }

  /** "3.2 GiB free of 252.0 GiB (1 %)". */
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "%.1f GiB free of %.1f GiB (%d %%)",
        freeBytes / (double) GIB,
        totalBytes / (double) GIB,
        freePercent());
  }
}
