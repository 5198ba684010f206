package io.bulwark.sip;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Requests per second the container answers statelessly (OPTIONS → 200) on loopback, offered at
 * fixed rates, to measure what a stack setting changes. Slow, so tagged {@code perf} and left out
 * of the default run:
 *
 * <pre>
 * ./mvnw -pl pbx-sip-container verify -Dgroups=perf -DexcludedGroups=none \
 *     -Dperf.rates=4000,8000,12000 -Dperf.seconds=5 \
 *     -Dperf.stack=gov.nist.javax.sip.THREAD_POOL_SIZE=2,gov.nist.javax.sip.AGGRESSIVE_CLEANUP=true
 * </pre>
 *
 * <p>Sender and receiver run in the same JVM and on the same cores as the container, so the figures
 * compare settings with each other, not with other servers.
 */
@Tag("perf")
class StatelessThroughputPerfTest {

  @Test
  void answersOptionsStatelesslyAtFixedRates() throws Exception {
    int[] rates =
        Arrays.stream(System.getProperty("perf.rates", "5000,10000,15000,20000,25000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    int seconds = Integer.getInteger("perf.seconds", 5);
    int warmUp = 40_000;
    int capacity = warmUp + Arrays.stream(rates).map(r -> r * seconds).sum();
    int port = freePort();
    SipContainer.Builder builder =
        SipContainer.builder(new SipContainerConfig("127.0.0.1", port, Set.of("udp"), "perf"))
            .handleStateless("OPTIONS", r -> r.respond(200));
    String overrides = System.getProperty("perf.stack", "");
    for (String setting : overrides.split(",")) {
      if (!setting.isBlank()) {
        String[] nameValue = setting.split("=", 2);
        builder.stackProperty(nameValue[0].trim(), nameValue[1].trim());
      }
    }
    try (SipContainer container = builder.start();
        SipLoad load = new SipLoad("127.0.0.2", port, capacity)) {
      load.send(warmUp, 4000);
      load.awaitAnswers(2_000);
      System.out.printf("perf settings: %s%n", overrides.isBlank() ? "(defaults)" : overrides);
      for (int rate : rates) {
        long answeredBefore = load.answered();
        load.resetMaxLatency();
        long started = System.nanoTime();
        int sent = load.send(rate * seconds, rate);
        double sendSeconds = (System.nanoTime() - started) / 1e9;
        load.awaitAnswers(1_500);
        long answered = load.answered() - answeredBefore;
        System.out.printf(
            "perf offered %6d/s: sent %7d, answered %7d (%5.1f %%), answered %6.0f/s;"
                + " max latency %d ms; %s%n",
            rate,
            sent,
            answered,
            100.0 * answered / sent,
            answered / sendSeconds,
            load.maxLatencyMillis(),
            container.udpIngress());
      }
      assertTrue(load.answered() > 0);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}
