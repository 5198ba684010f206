package io.bulwark.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Kamailio (Debian's package) that a test starts in the foreground with a configuration of its
 * own from {@code src/test/resources/kamailio}: the file is copied into {@code target/} with each
 * {@code @NAME@} replaced ({@code @CTL@} by its control socket, {@code @DUMP@} by that directory,
 * for the sipdump module's trace of every message), Kamailio keeps its PID file and control socket
 * in a runtime directory of its own, and {@link #close} stops it by its PID (TERM, then KILL after
 * 10 s), its worker processes too.
 */
final class Kamailio implements AutoCloseable {

  private static final Pattern PLACEHOLDER = Pattern.compile("@[A-Z_]+@");

  private final Process process;
  private final Path dir;
  private final Path runtime;
  private final Path control;

  private Kamailio(Process process, Path dir, Path runtime, Path control) {
    this.process = process;
    this.dir = dir;
    this.runtime = runtime;
    this.control = control;
  }

  /**
   * Starts Kamailio with {@code template}, its placeholders replaced by {@code values} and
   * {@code @CTL@} by its control socket, and waits (20 s at most) until it answers on that socket:
   * by then its SIP sockets are bound.
   */
  static Kamailio start(String template, Map<String, String> values) {
    try {
      Path dir = Files.createTempDirectory(Path.of("target"), "kamailio-").toAbsolutePath();
      // A short path: a Unix socket's name has at most 107 bytes, a build directory may be deep.
      Path runtime = Files.createTempDirectory("bulwark-kamailio-");
      Path control = runtime.resolve("ctl.sock");
      String config = Files.readString(Path.of("src/test/resources/kamailio", template));
      config = config.replace("@CTL@", control.toString()).replace("@DUMP@", dir.toString());
      for (Map.Entry<String, String> value : values.entrySet()) {
        config = config.replace("@" + value.getKey() + "@", value.getValue());
      }
      Matcher left = PLACEHOLDER.matcher(config.replaceAll("(?m)^#.*$", ""));
      if (left.find()) {
        throw new IllegalArgumentException("No value for " + left.group() + " in " + template);
      }
      Path file = Files.writeString(dir.resolve("kamailio.cfg"), config);
      Process process =
          new ProcessBuilder(
                  "kamailio",
                  "-f",
                  file.toString(),
                  "-Y",
                  runtime.toString(),
                  "-P",
                  runtime.resolve("kamailio.pid").toString(),
                  "-w",
                  dir.toString(),
                  "-m",
                  "32",
                  "-M",
                  "8",
                  "-DD",
                  "-E")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("kamailio.log").toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      Kamailio kamailio = new Kamailio(process, dir, runtime, control);
      try {
        kamailio.awaitControl();
      } catch (RuntimeException e) {
        kamailio.close();
        throw e;
      }
      return kamailio;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A UDP port free on every one of {@code addresses} (loopback addresses). */
  static int freeUdpPort(String... addresses) {
    for (int attempt = 0; attempt < 20; attempt++) {
      List<DatagramSocket> sockets = new ArrayList<>();
      try {
        DatagramSocket first = new DatagramSocket(new InetSocketAddress(addresses[0], 0));
        sockets.add(first);
        for (int i = 1; i < addresses.length; i++) {
          sockets.add(
              new DatagramSocket(
                  new InetSocketAddress(
                      InetAddress.getByName(addresses[i]), first.getLocalPort())));
        }
        return first.getLocalPort();
      } catch (IOException e) {
        // Taken on one of them: another.
      } finally {
        sockets.forEach(DatagramSocket::close);
      }
    }
    throw new IllegalStateException("no UDP port free on all of " + List.of(addresses));
  }

  /** {@code kamcmd} with these arguments on this Kamailio's control socket; its output. */
  String rpc(String... arguments) {
    List<String> command = new ArrayList<>(List.of("kamcmd", "-s", "unix:" + control));
    command.addAll(List.of(arguments));
    try {
      Path out = Files.createTempFile(dir, "kamcmd-", ".txt");
      Process kamcmd =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!kamcmd.waitFor(10, TimeUnit.SECONDS)) {
        kamcmd.destroyForcibly();
        throw new IllegalStateException("kamcmd " + arguments[0] + " did not end within 10 s");
      }
      String text = Files.readString(out);
      Files.delete(out);
      if (kamcmd.exitValue() != 0) {
        throw new IllegalStateException("kamcmd " + List.of(arguments) + ": " + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What Kamailio logged so far (its script logs every request it routes). */
  String log() {
    try {
      return Files.readString(dir.resolve("kamailio.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private void awaitControl() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Kamailio exited " + process.exitValue() + ":\n" + log());
      }
      if (Files.exists(control)) {
        try {
          rpc("core.uptime");
          return;
        } catch (IllegalStateException e) {
          // Not answering yet.
        }
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("Kamailio did not start within 20 s:\n" + log());
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Stops Kamailio by its PID, and any of its processes that outlived it. */
  @Override
  public void close() {
    List<ProcessHandle> workers = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    try (Stream<Path> files = Files.walk(runtime)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind.
    }
  }
}
