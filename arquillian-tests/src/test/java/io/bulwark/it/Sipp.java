package io.bulwark.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs one sipp call of a scenario in {@code src/test/resources/sipp} against the suite's PBX. */
public final class Sipp {

  private static final Pattern FINAL = Pattern.compile("final=(\\d{3})");

  /** The suite's PBX, where most scenarios send to. */
  private static final String PBX = "127.0.0.1:" + TestEnvironment.sipPort();

  /** The User-Agent of the registrations, unless a test names another. */
  public static final String USER_AGENT = "sipp-bulwark-test";

  /** What one run saw: the final status and every message exchanged. */
  public record Run(int finalStatus, String messages) {}

  private Sipp() {}

  /**
   * Registers {@code number} with the given credentials and expiry, over UDP or TCP.
   *
   * @return the final status the registrar answered with
   */
  public static Run register(
      String number, String username, String password, int expires, String transport) {
    return register(number, username, password, expires, transport, "127.0.0.1");
  }

  /** {@link #register} from another loopback address, to play a distinct phone or attacker. */
  public static Run register(
      String number,
      String username,
      String password,
      int expires,
      String transport,
      String sourceAddress) {
    String fields =
        "SEQUENTIAL\n"
            + number
            + ";[authentication username="
            + username
            + " password="
            + password
            + "];"
            + expires
            + ";"
            + USER_AGENT
            + "\n";
    return run("register.xml", fields, transport, sourceAddress);
  }

  /**
   * Registers {@code number} for 300 s over UDP as a phone at {@code sourceAddress:localPort} (0:
   * any port) that calls itself {@code userAgent}.
   */
  public static Run registerAs(
      String number,
      String username,
      String password,
      String sourceAddress,
      int localPort,
      String userAgent) {
    return run(
        "register.xml",
        authentication(number, username, password) + ";300;" + userAgent + "\n",
        "udp",
        sourceAddress,
        localPort);
  }

  /** Registers {@code number} over UDP from {@code localPort}, where its phone will answer. */
  public static Run registerAt(String number, String username, String password, int localPort) {
    return run(
        "register.xml",
        authentication(number, username, password) + ";300;" + USER_AGENT + "\n",
        "udp",
        "127.0.0.1",
        localPort);
  }

  /**
   * Calls {@code number} over UDP as the extension with these credentials (call-uac.xml). The
   * digest uri is the Request-URI, as RFC 3261 section 22.4 wants and phones send; sipp would
   * otherwise use the server's address.
   */
  public static Run call(String number, String username, String password) {
    return dial("call-uac.xml", number, username, password).await();
  }

  /** As {@link #call}, but the caller stays on the line until it is sent a BYE. */
  public static Answering callAndHold(String number, String username, String password) {
    return dial("call-uac-held.xml", number, username, password);
  }

  /**
   * Starts a phone that calls {@code number} with a caller scenario: injection fields 0 the number,
   * 1 the credentials, then {@code fields} (a delay, for instance) from field 2 on.
   */
  public static Answering dial(
      String scenario, String number, String username, String password, String... fields) {
    return dial(scenario, List.of(), number, username, password, fields);
  }

  /**
   * As {@link #dial}, for a caller whose request races the callee's answer (its CANCEL against a
   * 200): an answer that lands as sipp moves between two steps (the CANCEL's 200 between the ACK
   * and the BYE of an answered call) is let go instead of aborting the call (sipp's default
   * behaviour abortunexp off).
   */
  public static Answering racingDial(
      String scenario, String number, String username, String password, String... fields) {
    return dial(
        scenario,
        List.of("-default_behaviors", "all,-abortunexp"),
        number,
        username,
        password,
        fields);
  }

  private static Answering dial(
      String scenario,
      List<String> options,
      String number,
      String username,
      String password,
      String... fields) {
    // sipp writes "sip:" before it.
    String requestUri = number + "@127.0.0.1:" + TestEnvironment.sipPort();
    StringBuilder line = new StringBuilder(authentication(number, username, password));
    for (String field : fields) {
      line.append(';').append(field);
    }
    List<String> all = new ArrayList<>(List.of("-auth_uri", requestUri));
    all.addAll(options);
    return start(scenario, line.append('\n').toString(), "udp", "127.0.0.1", 0, PBX, all);
  }

  private static String authentication(String number, String username, String password) {
    return "SEQUENTIAL\n"
        + number
        + ";[authentication username="
        + username
        + " password="
        + password
        + "]";
  }

  public static Run run(String scenario, String injection, String transport) {
    return run(scenario, injection, transport, "127.0.0.1");
  }

  public static Run run(String scenario, String injection, String transport, String sourceAddress) {
    return run(scenario, injection, transport, sourceAddress, 0);
  }

  /** {@link #run} from a given local port (0: any), so that a phone registers where it answers. */
  public static Run run(
      String scenario, String injection, String transport, String sourceAddress, int localPort) {
    Answering call =
        start(scenario, injection, transport, sourceAddress, localPort, PBX, List.of());
    return call.await();
  }

  /** Starts a phone that answers one call on {@code localPort} (scenario {@code call-uas.xml}). */
  public static Answering answer(int localPort) {
    return phone("call-uas.xml", localPort);
  }

  /**
   * As {@link #phone}, for a phone whose own timer races a request (its answer against a CANCEL): a
   * request that lands as sipp moves between two steps is left to the next step, which takes its
   * retransmission, instead of aborting the call (sipp's default behaviour abortunexp off).
   */
  public static Answering racingPhone(String scenario, int localPort) {
    return start(
        scenario,
        null,
        "udp",
        "127.0.0.1",
        localPort,
        null,
        List.of("-default_behaviors", "all,-abortunexp"));
  }

  /**
   * Starts a phone that takes one call on {@code localPort} as {@code scenario} says; {@code keys}
   * are pairs of a keyword and its value, which the scenario reads as {@code [keyword]}.
   */
  public static Answering phone(String scenario, int localPort, String... keys) {
    return phoneAt(scenario, "127.0.0.1", localPort, keys);
  }

  /** As {@link #phone}, for a phone (or a provider) at {@code address:localPort}. */
  public static Answering phoneAt(String scenario, String address, int localPort, String... keys) {
    if (keys.length % 2 != 0) {
      throw new IllegalArgumentException("keywords come with their values");
    }
    List<String> options = new ArrayList<>();
    for (int i = 0; i < keys.length; i += 2) {
      options.addAll(List.of("-key", keys[i], keys[i + 1]));
    }
    return start(scenario, null, "udp", address, localPort, null, options);
  }

  /**
   * Registers {@code number} over UDP to another registrar than the PBX ({@code remote}, host:port,
   * such as the provider a trunk test plays), from {@code sourceAddress:localPort}, for 300 s.
   */
  public static Run registerTo(
      String remote,
      String number,
      String username,
      String password,
      String sourceAddress,
      int localPort) {
    return start(
            "register.xml",
            authentication(number, username, password) + ";300;" + USER_AGENT + "\n",
            "udp",
            sourceAddress,
            localPort,
            remote,
            List.of())
        .await();
  }

  /**
   * Calls {@code number} as the extension with these credentials with {@code scenario}, which plays
   * the RTP of the pcap file {@code pcap} (keyword {@code [pcap]}) once answered.
   */
  public static Answering dialPlaying(
      String scenario, String number, String username, String password, Path pcap) {
    return dial(scenario, List.of("-key", "pcap", pcap.toString()), number, username, password);
  }

  /**
   * Places {@code calls} calls to {@code number} as the extension with these credentials, {@code
   * rate} a second (call-uac.xml, each held half a second); {@link Answering#finals} counts their
   * answers.
   */
  public static Answering callsAtRate(
      String number, String username, String password, int rate, int calls) {
    return dial(
        "call-uac.xml",
        List.of("-r", Integer.toString(rate), "-m", Integer.toString(calls)),
        number,
        username,
        password);
  }

  /** As {@link #phoneAt}, for a phone that takes up to {@code calls} calls until it is stopped. */
  public static Answering phoneAt(String scenario, String address, int localPort, int calls) {
    return start(
        scenario, null, "udp", address, localPort, null, List.of("-m", Integer.toString(calls)));
  }

  /** Starts a phone at {@code address:localPort} that takes one call as {@code scenario} says. */
  public static Answering phoneAt(String scenario, String address, int localPort) {
    return start(scenario, null, "udp", address, localPort, null, List.of());
  }

  /**
   * Starts a phone at {@code sourceAddress} that calls {@code number} through {@code remote}
   * (host:port) as {@code callerNumber}, without credentials (call-uac-outside.xml).
   */
  public static Answering callThrough(
      String remote, String sourceAddress, String number, String callerNumber) {
    return start(
        "call-uac-outside.xml",
        "SEQUENTIAL\n" + number + ";" + callerNumber + "\n",
        "udp",
        sourceAddress,
        0,
        remote,
        List.of());
  }

  /** A sipp process under way. */
  public static final class Answering {
    private final Process process;
    private final Path dir;

    private Answering(Process process, Path dir) {
      this.process = process;
      this.dir = dir;
    }

    /**
     * Waits for sipp to end (30 s at most) and counts the final answers of its calls, by status.
     */
    public Map<Integer, Integer> finals() {
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("sipp did not finish within 30 s");
        }
        Path log = dir.resolve("sipp.log");
        Map<Integer, Integer> counts = new TreeMap<>();
        Matcher m = FINAL.matcher(Files.exists(log) ? Files.readString(log) : "");
        while (m.find()) {
          counts.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
        }
        return counts;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** Ends a phone that would take more calls. */
    public void stop() {
      process.destroy();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Waits for sipp to end (30 s at most) and reads what it saw. */
    public Run await() {
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("sipp did not finish within 30 s");
        }
        Path log = dir.resolve("sipp.log");
        Path messages = dir.resolve("messages.log");
        String logText = Files.exists(log) ? Files.readString(log) : "";
        String trace = Files.exists(messages) ? Files.readString(messages) : "";
        Matcher m = FINAL.matcher(logText);
        if (process.exitValue() != 0 || !m.find()) {
          throw new IllegalStateException(
              "sipp exited "
                  + process.exitValue()
                  + " without a final answer; messages:\n"
                  + trace);
        }
        return new Run(Integer.parseInt(m.group(1)), trace);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static Answering start(
      String scenario,
      String injection,
      String transport,
      String sourceAddress,
      int localPort,
      String remote,
      List<String> options) {
    try {
      Path dir = Files.createTempDirectory(Path.of("target"), "sipp-").toAbsolutePath();
      Path xml = Path.of("src/test/resources/sipp", scenario).toAbsolutePath();
      List<String> command = new ArrayList<>(List.of("sipp"));
      if (remote != null) {
        command.add(remote);
      }
      command.addAll(List.of("-sf", xml.toString()));
      command.addAll(options);
      if (!options.contains("-m")) {
        command.addAll(List.of("-m", "1"));
      }
      if (injection != null) {
        command.addAll(
            List.of("-inf", Files.writeString(dir.resolve("fields.csv"), injection).toString()));
      }
      command.addAll(
          List.of(
              "-t",
              "tcp".equals(transport) ? "t1" : "u1",
              "-i",
              sourceAddress,
              "-p",
              Integer.toString(localPort),
              "-nostdin",
              "-timeout",
              "20",
              "-trace_logs",
              "-log_file",
              dir.resolve("sipp.log").toString(),
              "-trace_msg",
              "-message_file",
              dir.resolve("messages.log").toString()));
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("stdout.txt").toFile())
              .start();
      return new Answering(process, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
