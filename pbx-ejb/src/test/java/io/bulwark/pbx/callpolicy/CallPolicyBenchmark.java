package io.bulwark.pbx.callpolicy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.defense.RateLimit;
import io.bulwark.pbx.extension.OutboundRestrictions;
import io.bulwark.pbx.officehours.OfficeHours;
import io.bulwark.pbx.officehours.WeeklyRange;
import io.bulwark.pbx.routing.DialPattern;
import io.bulwark.pbx.routing.OutboundRouting;
import io.bulwark.pbx.routing.OutboundRule;
import io.bulwark.pbx.routing.RoutePin;
import io.bulwark.pbx.routing.TimeCondition;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * The decision a call router makes for each outbound call, routing lookup and the whole chain, on a
 * realistic configuration: 50 routes, 200 allowed country codes, 1,000 blocked patterns, 500
 * extensions (a third restricted, a tenth on a custom frequency rule), business hours. JMH samples
 * each decision's time; the p99 goal is 100 µs. Run with {@code ./mvnw -pl pbx-ejb test
 * -Dgroups=perf -Dbulwark.excludedGroups= -Dtest=CallPolicyBenchmark}; bench/run chain records it.
 */
@Tag("perf")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallPolicyBenchmark {

  private static final int ROUTES = 50;
  private static final int EXTENSIONS = 500;
  private static final int BLOCKED_PATTERNS = 1_000;
  private static final int COUNTRY_CODES = 200;
  private static final int CALLS = 4_096;

  private OutboundRouting routing;
  private CallPolicy policy;
  private String[] callers;
  private String[] dialled;
  private Clock clock;

  @Setup
  public void configure() {
    List<String> extensions = new ArrayList<>();
    for (int i = 0; i < EXTENSIONS; i++) {
      extensions.add(Integer.toString(2000 + i));
    }
    List<OutboundRule> routes = new ArrayList<>();
    for (int r = 0; r < ROUTES - 1; r++) {
      // Routes for local area codes 20..68 (prefix 9, then the area code), each for a tenth of
      // the extensions, some only in business hours.
      Set<String> members = new HashSet<>();
      for (int k = 0; k < EXTENSIONS / 10; k++) {
        members.add(extensions.get((r * 10 + k) % EXTENSIONS));
      }
      routes.add(
          new OutboundRule(
              r,
              "Area " + (20 + r),
              List.of(DialPattern.parse("9" + (20 + r) + "XXXXXX", 1, "")),
              List.of(1L, 2L),
              members,
              null,
              r % 3 == 0 ? TimeCondition.BUSINESS_HOURS : TimeCondition.ANY_TIME,
              RoutePin.NONE));
    }
    routes.add(
        new OutboundRule(
            ROUTES,
            "International",
            List.of(DialPattern.parse("900.", 1, ""), DialPattern.parse("9+.", 1, "")),
            List.of(3L),
            new HashSet<>(extensions),
            null,
            TimeCondition.ANY_TIME,
            RoutePin.NONE));
    routing = new OutboundRouting(routes);

    Map<String, OutboundRestrictions> restricted = new HashMap<>();
    Map<String, FrequencyLimit> custom = new HashMap<>();
    FrequencyLimit night = new FrequencyLimit("Night", new RateLimit(100, 1));
    for (int i = 0; i < EXTENSIONS; i++) {
      if (i % 3 == 0) {
        restricted.put(
            extensions.get(i),
            new OutboundRestrictions(false, i % 2 == 0, i % 5 == 0, 3600, i % 10 == 0 ? 1L : null));
      }
      if (i % 10 == 0) {
        custom.put(extensions.get(i), night);
      }
    }
    List<DialPattern> blocked = new ArrayList<>();
    for (int i = 0; i < BLOCKED_PATTERNS; i++) {
      blocked.add(DialPattern.parse(String.format("00%03d%04dX.", i % 1000, i)));
    }
    Set<String> allowed = new HashSet<>();
    CallingCodes.shipped().all().stream()
        .limit(COUNTRY_CODES)
        .forEach(code -> allowed.add(code.digits()));
    clock = Clock.systemUTC();
    policy =
        CallPolicy.builder()
            .restricted(restricted)
            .internationalPrefix("00")
            .allowedCountryCodes(allowed)
            .blockedNumbers(blocked)
            .frequency(new RateLimit(1_000_000, 1))
            .customFrequencies(custom)
            .officeHours(
                new OfficeHours(
                    ZoneId.of("Europe/Berlin"),
                    List.of(
                        new WeeklyRange(
                            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                            LocalTime.of(8, 0),
                            LocalTime.of(19, 0))),
                    List.of()))
            .clock(clock)
            .build();

    callers = new String[CALLS];
    dialled = new String[CALLS];
    for (int i = 0; i < CALLS; i++) {
      callers[i] = extensions.get((i * 7) % EXTENSIONS);
      dialled[i] =
          switch (i % 4) {
            case 0 -> "9" + (20 + i % (ROUTES - 1)) + String.format("%06d", i);
            case 1 -> "90049301234" + (i % 1000);
            case 2 -> "9001242555" + (i % 10000);
            default -> "900" + String.format("%03d%04d", i % 1000, i) + "77";
          };
    }
  }

  @Benchmark
  public CallPolicy.Judgement decide() {
    int i = ThreadLocalRandom.current().nextInt(CALLS);
    OutboundRouting.Lookup found = routing.lookup(callers[i], dialled[i]);
    return policy.decide(CallAttempt.of(callers[i], dialled[i], found.decision(), clock.instant()));
  }

  /** Runs the benchmark in a fork of its own and checks the p99 against the goal. */
  @Test
  void p99DecisionTimeIsUnder100Microseconds() throws Exception {
    var options =
        new OptionsBuilder()
            .include(CallPolicyBenchmark.class.getName() + ".decide")
            .forks(1)
            .warmupIterations(3)
            .warmupTime(TimeValue.seconds(5))
            .measurementIterations(5)
            .measurementTime(TimeValue.seconds(10))
            .threads(2)
            .build();
    RunResult result = new Runner(options).runSingle();
    Statistics stats = result.getPrimaryResult().getStatistics();
    System.out.printf(
        "call policy decision (50 routes, 200 country codes, 1000 blocked patterns,"
            + " 500 extensions), 2 threads: p50 %.2f µs, p99 %.2f µs, p99.9 %.2f µs,"
            + " max %.2f µs, %d samples%n",
        stats.getPercentile(50),
        stats.getPercentile(99),
        stats.getPercentile(99.9),
        stats.getMax(),
        stats.getN());
    assertTrue(stats.getPercentile(99) < 100, "p99 " + stats.getPercentile(99) + " µs");
  }
}
