package io.bulwark.pbx.callpolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What extensions spent on outbound calls lately, for the spend guard: minutes and international
 * calls in rolling windows, each extension's calls per hour over the last week and the countries it
 * called in the last 30 days. It outlives the call policy (a change of configuration keeps it) and
 * is filled again from the call records at start.
 */
public final class SpendLedger {

  static final Duration DAY = Duration.ofHours(24);
  static final Duration HOUR = Duration.ofHours(1);
  static final Duration MEMORY = Duration.ofDays(30);
  static final int WEEK_HOURS = 7 * 24;

  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final Account everyone = new Account();

  /** What was spent in the windows that end at {@code now}: seconds billed, calls abroad. */
  public record Usage(long seconds, int internationalLastHour, int internationalLastDay) {

    /** The seconds as minutes begun. */
    public long minutes() {
      return (seconds + 59) / 60;
    }
  }

  Usage usage(String extension, Instant now) {
    Account account = accounts.get(extension);
    return account == null ? new Usage(0, 0, 0) : account.usage(now);
  }

  /** What all extensions together spent in the windows that end at {@code now}. */
  public Usage total(Instant now) {
    return everyone.usage(now);
  }

  /**
   * An outbound call placed at {@code at}; {@code callingCode} is the digits of the country code it
   * went to, null for a national call.
   */
  public void placed(String extension, String callingCode, Instant at) {
    // Recorded inside compute: a sweep cannot drop the account between finding and recording.
    accounts.compute(
        extension, (e, account) -> withAccount(account, a -> a.placed(callingCode, at)));
    everyone.placed(callingCode, at);
  }

  /** An outbound call that ended at {@code at} after {@code seconds} billed. */
  public void spent(String extension, long seconds, Instant at) {
    if (seconds <= 0) {
      return;
    }
    accounts.compute(extension, (e, account) -> withAccount(account, a -> a.spent(seconds, at)));
    everyone.spent(seconds, at);
  }

  /** Whether {@code extension} called {@code callingCode} in the last 30 days. */
  boolean calledBefore(String extension, String callingCode, Instant now) {
    Account account = accounts.get(extension);
    return account != null && account.calledBefore(callingCode, now);
  }

  /** How many calls an extension placed this hour, against its mean of the week before. */
  record Pace(int thisHour, double hourlyMean) {}

  Pace pace(String extension, Instant now) {
    Account account = accounts.get(extension);
    return account == null ? new Pace(0, 0) : account.pace(now);
  }

  /** Forgets what is older than every window; call now and then. */
  public void sweep(Instant now) {
    for (String extension : accounts.keySet()) {
      accounts.computeIfPresent(extension, (e, account) -> account.sweep(now) ? null : account);
    }
    everyone.sweep(now);
  }

  private static Account withAccount(Account account, Consumer<Account> record) {
    Account recorded = account == null ? new Account() : account;
    record.accept(recorded);
    return recorded;
  }

  /** One extension's spending, or everyone's. */
  private static final class Account {
    /** Seconds billed, with when: the last 24 hours, and their sum kept as they come and go. */
    private final Deque<long[]> seconds = new ArrayDeque<>();

    private long secondsInWindow;

    /** When international calls were placed: the last hour's, and the last 24 hours'. */
    private final Deque<Long> internationalLastHour = new ArrayDeque<>();

    private final Deque<Long> internationalLastDay = new ArrayDeque<>();
    private final Map<String, Long> countries = new HashMap<>();
    private final long[] hourStamp = new long[WEEK_HOURS];
    private final int[] hourCalls = new int[WEEK_HOURS];

    synchronized void placed(String callingCode, Instant at) {
      long millis = at.toEpochMilli();
      if (callingCode != null) {
        internationalLastHour.addLast(millis);
        internationalLastDay.addLast(millis);
        countries.merge(callingCode, millis, Math::max);
      }
      long hour = millis / HOUR.toMillis();
      int slot = (int) (hour % WEEK_HOURS);
      if (hourStamp[slot] != hour) {
        hourStamp[slot] = hour;
        hourCalls[slot] = 0;
      }
      hourCalls[slot]++;
    }

    synchronized void spent(long billed, Instant at) {
      seconds.addLast(new long[] {at.toEpochMilli(), billed});
      secondsInWindow += billed;
    }

    /** Asked for every outbound call: the windows are moved on, nothing is summed again. */
    synchronized Usage usage(Instant now) {
      leaveWindows(now);
      return new Usage(secondsInWindow, internationalLastHour.size(), internationalLastDay.size());
    }

    /** Drops what left the windows that end at {@code now}. */
    private void leaveWindows(Instant now) {
      long dayAgo = now.minus(DAY).toEpochMilli();
      while (!seconds.isEmpty() && seconds.peekFirst()[0] <= dayAgo) {
        secondsInWindow -= seconds.removeFirst()[1];
      }
      long hourAgo = now.minus(HOUR).toEpochMilli();
      while (!internationalLastHour.isEmpty() && internationalLastHour.peekFirst() <= hourAgo) {
        internationalLastHour.removeFirst();
      }
      while (!internationalLastDay.isEmpty() && internationalLastDay.peekFirst() <= dayAgo) {
        internationalLastDay.removeFirst();
      }
    }

    synchronized boolean calledBefore(String callingCode, Instant now) {
      Long last = countries.get(callingCode);
      return last != null && last > now.minus(MEMORY).toEpochMilli();
    }

    /** Calls in the current hour, and the mean of the 167 hours before it. */
    synchronized Pace pace(Instant now) {
      long hour = now.toEpochMilli() / HOUR.toMillis();
      int current = 0;
      long before = 0;
      for (int i = 0; i < WEEK_HOURS; i++) {
        if (hourStamp[i] == hour) {
          current = hourCalls[i];
        } else if (hourStamp[i] > hour - WEEK_HOURS && hourStamp[i] < hour) {
          before += hourCalls[i];
        }
      }
      return new Pace(current, before / (double) (WEEK_HOURS - 1));
    }

    /** Drops what every window left behind; whether nothing is left worth keeping. */
    synchronized boolean sweep(Instant now) {
      leaveWindows(now);
      long forgotten = now.minus(MEMORY).toEpochMilli();
      countries.values().removeIf(t -> t <= forgotten);
      long weekAgo = now.toEpochMilli() / HOUR.toMillis() - WEEK_HOURS;
      boolean quietWeek = true;
      for (long stamp : hourStamp) {
        quietWeek &= stamp <= weekAgo;
      }
      return seconds.isEmpty()
          && internationalLastDay.isEmpty()
          && countries.isEmpty()
          && quietWeek;
    }
  }
}
