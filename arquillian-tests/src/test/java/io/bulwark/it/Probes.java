package io.bulwark.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What a source address sees of Bulwark: an OPTIONS over UDP, and HTTPS through curl. */
final class Probes {

  private Probes() {}

  /** The answer to an OPTIONS from {@code source}, or null when none came. */
  static String options(String source, String tag) {
    return options(source, tag, TestEnvironment.sipPort());
  }

  /** As {@link #options(String, String)}, to the PBX's SIP port {@code port}. */
  static String options(String source, String tag, int port) {
    return RawSip.exchange(
        source,
        "OPTIONS sip:127.0.0.1 SIP/2.0\n"
            + "Via: SIP/2.0/UDP "
            + source
            + ":$PORT;branch=z9hG4bK-probe-"
            + tag
            + System.nanoTime()
            + "\n"
            + "Max-Forwards: 70\n"
            + "From: <sip:probe@"
            + source
            + ">;tag="
            + tag
            + "\n"
            + "To: <sip:127.0.0.1>\n"
            + "Call-ID: probe-"
            + tag
            + System.nanoTime()
            + "\n"
            + "CSeq: 1 OPTIONS\n"
            + "Content-Length: 0\n\n",
        port);
  }

  /** The status of {@code GET /} over HTTPS from {@code source}; 0 when the connection failed. */
  static int httpStatus(String source) {
    return https(source, "GET", "/", null, null).status();
  }

  /** A response as curl saw it. */
  record Answer(int status, String body) {}

  /**
   * {@code method path} over HTTPS from {@code source}, with a bearer {@code token} and a JSON
   * {@code body} when not null.
   */
  static Answer https(String source, String method, String path, String token, String body) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "curl",
                "-sk",
                "--max-time",
                "5",
                "--interface",
                source,
                "-X",
                method,
                "-w",
                "\n%{http_code}"));
    if (token != null) {
      command.addAll(List.of("-H", "Authorization: Bearer " + token));
    }
    if (body != null) {
      command.addAll(List.of("-H", "Content-Type: application/json", "--data-binary", body));
    }
    command.add("https://127.0.0.1:" + TestEnvironment.port("BULWARK_HTTPS_PORT", 18443) + path);
    String out = Commands.run(Duration.ofSeconds(10), command).output();
    int newline = out.lastIndexOf('\n');
    return new Answer(
        Integer.parseInt(out.substring(newline + 1).strip()), out.substring(0, newline));
  }

  /**
   * Gives loopback the address {@code address} for the time of a test, so that a public address (of
   * a given country) can be a source without a packet leaving the host. Needs root.
   */
  static void addLoopbackAddress(String address) {
    ip("addr", "add", address + "/32", "dev", "lo");
  }

  static void removeLoopbackAddress(String address) {
    ip("addr", "del", address + "/32", "dev", "lo");
  }

  private static void ip(String... arguments) {
    List<String> command = new ArrayList<>(List.of("ip"));
    command.addAll(List.of(arguments));
    Commands.Result result = Commands.run(Duration.ofSeconds(10), command);
    if (result.exit() != 0 && !result.output().contains("File exists")) {
      result.check();
    }
  }
}
