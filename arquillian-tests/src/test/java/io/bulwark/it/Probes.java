package io.bulwark.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What a source address sees of Bulwark: an OPTIONS over UDP, and HTTPS through curl. */
final class Probes {

  private Probes() {}

  /** The answer to an OPTIONS from {@code source}, or null when none came. */
  static String options(String source, String tag) {
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
            + "Content-Length: 0\n\n");
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
    try {
      Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(curl.getInputStream().readAllBytes());
      curl.waitFor(10, TimeUnit.SECONDS);
      int newline = out.lastIndexOf('\n');
      return new Answer(
          Integer.parseInt(out.substring(newline + 1).strip()), out.substring(0, newline));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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
    try {
      Process ip = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(ip.getInputStream().readAllBytes());
      if (!ip.waitFor(10, TimeUnit.SECONDS)
          || ip.exitValue() != 0 && !out.contains("File exists")) {
        throw new IllegalStateException(String.join(" ", command) + ": " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
