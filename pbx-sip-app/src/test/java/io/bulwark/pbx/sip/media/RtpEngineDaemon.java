package io.bulwark.pbx.sip.media;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real rtpengine for the tests: forwarding in user space (no kernel module), RTP and NG on
 * loopback, on ports of its own, in the foreground so it is a child of the test JVM and stops with
 * it. Its log is {@code target/rtpengine-test.log}.
 */
public final class RtpEngineDaemon {

  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final Duration STARTUP = Duration.ofSeconds(15);
  private static final int RTP_PORTS = 200;

  private final Process process;
  private final InetSocketAddress ngAddress;
  private final Path log;

  private RtpEngineDaemon(Process process, InetSocketAddress ngAddress, Path log) {
    this.process = process;
    this.ngAddress = ngAddress;
    this.log = log;
  }

  public static RtpEngineDaemon start() throws IOException, InterruptedException {
    return start(null);
  }

  /** The same, reporting the keys callers press to {@code keys} (its --dtmf-log-dest). */
  public static RtpEngineDaemon start(InetSocketAddress keys)
      throws IOException, InterruptedException {
    Path binary = binary();
    Files.createDirectories(TARGET);
    InetSocketAddress ng = new InetSocketAddress(InetAddress.getLoopbackAddress(), freeUdpPort());
    // Below Linux's ephemeral ports and the launcher's default range (30000-40000), at random so
    // the suites of two checkouts seldom meet; rtpengine skips a port that is taken anyway.
    int portMin = 20_000 + 2 * ThreadLocalRandom.current().nextInt(4_900);
    Path log = TARGET.resolve("rtpengine-test.log");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                binary.toString(),
                "--config-file=none",
                "--table=-1",
                "--interface=127.0.0.1",
                "--listen-ng=127.0.0.1:" + ng.getPort(),
                "--port-min=" + portMin,
                "--port-max=" + (portMin + RTP_PORTS - 1),
                "--delete-delay=0",
                "--foreground",
                "--log-stderr",
                "--log-level=6",
                "--pidfile=" + TARGET.resolve("rtpengine-test.pid")));
    if (keys != null) {
      command.add("--dtmf-log-dest=127.0.0.1:" + keys.getPort());
    }
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    RtpEngineDaemon daemon = new RtpEngineDaemon(process, ng, log);
    daemon.awaitPong();
    return daemon;
  }

  public InetSocketAddress ngAddress() {
    return ngAddress;
  }

  /** Stops the daemon by its PID: SIGTERM, then SIGKILL if it lingers. */
  public void stop() throws InterruptedException {
    ProcessHandle handle = process.toHandle();
    handle.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      handle.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }

  private void awaitPong() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    try (RtpEngine probe = RtpEngine.open(ngAddress, Duration.ofMillis(200), 1)) {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          fail("rtpengine exited at start with " + process.exitValue() + "; see " + log);
        }
        try {
          probe.ping().toCompletableFuture().get(1, TimeUnit.SECONDS);
          return;
        } catch (ExecutionException | TimeoutException e) {
          Thread.sleep(100);
        }
      }
    }
    stop();
    fail("rtpengine did not answer a ping within " + STARTUP.toSeconds() + " s; see " + log);
  }

  private static Path binary() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.concat(Stream.of(path.split(":")), Stream.of("/usr/bin", "/usr/sbin"))
        .filter(directory -> !directory.isEmpty())
        .map(directory -> Path.of(directory, "rtpengine"))
        .filter(Files::isExecutable)
        .findFirst()
        .orElseGet(
            () ->
                fail(
                    "rtpengine is not installed: install the Debian package rtpengine-daemon"
                        + " (apt-get install rtpengine-daemon; ./bulwark test installs it)"));
  }

  private static int freeUdpPort() throws IOException {
    try (DatagramSocket probe =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      return probe.getLocalPort();
    }
  }
}
