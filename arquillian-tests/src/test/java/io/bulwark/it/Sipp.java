package io.bulwark.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs one sipp call of a scenario in {@code src/test/resources/sipp} against the suite's PBX. */
public final class Sipp {

  private static final Pattern FINAL = Pattern.compile("final=(\\d{3})");

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
            + "\n";
    return run("register.xml", fields, transport, sourceAddress);
  }

  public static Run run(String scenario, String injection, String transport) {
    return run(scenario, injection, transport, "127.0.0.1");
  }

  public static Run run(String scenario, String injection, String transport, String sourceAddress) {
    try {
      Path dir = Files.createTempDirectory(Path.of("target"), "sipp-").toAbsolutePath();
      Path csv = Files.writeString(dir.resolve("fields.csv"), injection);
      Path log = dir.resolve("sipp.log");
      Path messages = dir.resolve("messages.log");
      Path xml = Path.of("src/test/resources/sipp", scenario).toAbsolutePath();
      Process process =
          new ProcessBuilder(
                  List.of(
                      "sipp",
                      "127.0.0.1:" + TestEnvironment.sipPort(),
                      "-sf",
                      xml.toString(),
                      "-inf",
                      csv.toString(),
                      "-t",
                      "tcp".equals(transport) ? "t1" : "u1",
                      "-m",
                      "1",
                      "-i",
                      sourceAddress,
                      "-p",
                      "0",
                      "-nostdin",
                      "-timeout",
                      "15",
                      "-trace_logs",
                      "-log_file",
                      log.toString(),
                      "-trace_msg",
                      "-message_file",
                      messages.toString()))
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("stdout.txt").toFile())
              .start();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("sipp did not finish within 30 s");
      }
      String logText = Files.exists(log) ? Files.readString(log) : "";
      String trace = Files.exists(messages) ? Files.readString(messages) : "";
      Matcher m = FINAL.matcher(logText);
      if (process.exitValue() != 0 || !m.find()) {
        throw new IllegalStateException(
            "sipp exited " + process.exitValue() + " without a final answer; messages:\n" + trace);
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
