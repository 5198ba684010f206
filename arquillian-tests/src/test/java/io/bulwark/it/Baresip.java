package io.bulwark.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real SIP phone: Debian's baresip on a loopback address, registered to an extension of the
 * suite's PBX, answering calls by itself, playing a tone as its microphone and writing what it
 * hears to a WAV file (the {@code sndfile} module). It is driven through its {@code ctrl_tcp}
 * module and prints the SIP messages it exchanges ({@code -s}) and its RTP statistics at hang-up
 * ({@code rtcpsummary}) to {@link #output()}.
 */
public final class Baresip implements AutoCloseable {

  /** baresip quits by itself after this long, should a test fail to stop it. */
  private static final int LIFETIME_SECONDS = 180;

  /** One SIP message of the trace: where it went and its text (CRLF line ends). */
  public record SipMessage(String from, String to, String text) {

    /** The message body, empty when it has none. */
    public String body() {
      int end = text.indexOf("\r\n\r\n");
      return end < 0 ? "" : text.substring(end + 4);
    }

    public String startLine() {
      return text.substring(0, Math.max(0, text.indexOf("\r\n")));
    }

    /** The value of the first header of that name, or null. */
    public String header(String name) {
      Matcher m =
          Pattern.compile("^" + Pattern.quote(name) + ":\\s*(.*?)\\r?$", Pattern.MULTILINE)
              .matcher(text.substring(0, Math.max(0, text.indexOf("\r\n\r\n"))));
      return m.find() ? m.group(1) : null;
    }
  }

  private static final Pattern TRACED =
      Pattern.compile(
          "\u001b\\[36;1m#\\n(?:UDP|TCP|TLS) (\\S+) -> (\\S+)\\n(.*?)\u001b\\[;m", Pattern.DOTALL);

  private final Process process;
  private final Path dir;
  private final String address;
  private final int sipPort;
  private final int controlPort;

  private Baresip(Process process, Path dir, String address, int sipPort, int controlPort) {
    this.process = process;
    this.dir = dir;
    this.address = address;
    this.sipPort = sipPort;
    this.controlPort = controlPort;
  }

  /**
   * Starts a phone on {@code address} (a loopback address) that registers {@code number} with the
   * given credentials, sends RTP from {@code rtpPortMin} to 99 ports above, and plays a sine of
   * {@code toneHz} into every call.
   */
  public static Baresip start(
      String name,
      String address,
      String number,
      String authName,
      String password,
      int rtpPortMin,
      int toneHz)
      throws IOException {
    Path dir =
        Files.createTempDirectory(Path.of("target"), "baresip-" + name + "-").toAbsolutePath();
    Path tone = Tone.write(dir.resolve("tone.wav"), toneHz, 60);
    InetAddress local = InetAddress.getByName(address);
    int sipPort = TestEnvironment.freeBaresipPort(local);
    int controlPort = TestEnvironment.freeBaresipPort(InetAddress.getLoopbackAddress());
    Files.writeString(
        dir.resolve("config"),
        String.join(
            "\n",
            "poll_method epoll",
            "net_interface " + address,
            "sip_listen " + address + ":" + sipPort,
            "rtp_ports " + rtpPortMin + "-" + (rtpPortMin + 99),
            "module_path /usr/lib/baresip/modules",
            "module g711.so",
            "module aufile.so",
            "module alsa.so",
            "module sndfile.so",
            "module rtcpsummary.so",
            "module_app account.so",
            "module_app menu.so",
            "module_app ctrl_tcp.so",
            "ctrl_tcp_listen 127.0.0.1:" + controlPort,
            // The microphone plays the tone; what the phone hears goes to ALSA's null device, and
            // to
            // the WAV files of sndfile.
            "audio_source aufile," + tone,
            "audio_player alsa,null",
            "audio_alert alsa,null",
            "snd_path " + dir,
            ""));
    Files.writeString(
        dir.resolve("accounts"),
        "<sip:"
            + number
            + "@127.0.0.1:"
            + TestEnvironment.sipPort()
            + ";transport=udp>;auth_user="
            + authName
            + ";auth_pass="
            + password
            + ";regint=300;answermode=auto\n");
    Process process =
        new ProcessBuilder(
                "baresip", "-f", dir.toString(), "-s", "-t", Integer.toString(LIFETIME_SECONDS))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .start();
    return new Baresip(process, dir, address, sipPort, controlPort);
  }

  public String address() {
    return address;
  }

  public int sipPort() {
    return sipPort;
  }

  public Path dir() {
    return dir;
  }

  public long pid() {
    return process.pid();
  }

  /** Everything the phone printed so far. */
  public String output() {
    try {
      Path out = dir.resolve("out.txt");
      return Files.exists(out) ? new String(Files.readAllBytes(out), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the output contains {@code text}; fails with the output when it does not. */
  public void awaitOutput(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!output().contains(text)) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new AssertionError(
            "baresip in "
                + dir
                + " did not print '"
                + text
                + "' within "
                + timeout.toSeconds()
                + " s"
                + (process.isAlive() ? "" : " (it exited)")
                + "; its output:\n"
                + output());
      }
      Thread.sleep(100);
    }
  }

  /** The SIP messages the phone sent and received so far, in order. */
  public List<SipMessage> sipMessages() {
    List<SipMessage> messages = new ArrayList<>();
    Matcher m = TRACED.matcher(output());
    while (m.find()) {
      messages.add(new SipMessage(m.group(1), m.group(2), m.group(3)));
    }
    return messages;
  }

  /** The messages that came to this phone. */
  public List<SipMessage> received() {
    String self = address + ":" + sipPort;
    return sipMessages().stream().filter(message -> message.to().equals(self)).toList();
  }

  /** The messages this phone sent. */
  public List<SipMessage> sent() {
    String self = address + ":" + sipPort;
    return sipMessages().stream().filter(message -> message.from().equals(self)).toList();
  }

  /** What the phone heard in its last call, as sndfile wrote it after decoding. */
  public Path heard() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith("-dec.wav"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("baresip wrote no WAV of what it heard: " + dir));
    }
  }

  /**
   * Runs a command of baresip's menu (dial, hangup, quit...) through ctrl_tcp and returns what it
   * answered; fails when baresip refused it or did not answer within 5 s.
   */
  public String command(String command, String params) throws IOException {
    String token = UUID.randomUUID().toString();
    String json =
        Json.createObjectBuilder()
            .add("command", command)
            .add("params", params)
            .add("token", token)
            .build()
            .toString();
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), controlPort), 5_000);
      socket.setSoTimeout(5_000);
      socket
          .getOutputStream()
          .write((payload.length + ":" + json + ",").getBytes(StandardCharsets.UTF_8));
      InputStream in = socket.getInputStream();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (System.nanoTime() < deadline) {
        // Events (CALL_RINGING...) come on the same connection, each a netstring.
        JsonObject message = readNetstring(in);
        if (message.getBoolean("response", false) && token.equals(message.getString("token", ""))) {
          if (!message.getBoolean("ok", false)) {
            throw new AssertionError(
                "baresip refused '" + command + " " + params + "': " + message);
          }
          return message.getString("data", "");
        }
      }
      throw new AssertionError("baresip did not answer '" + command + "' within 5 s");
    }
  }

  private static JsonObject readNetstring(InputStream in) throws IOException {
    int length = 0;
    int c;
    while ((c = in.read()) != ':') {
      if (c < '0' || c > '9' || length > 1_000_000) {
        throw new IOException("not a netstring from ctrl_tcp");
      }
      length = length * 10 + (c - '0');
    }
    byte[] body = in.readNBytes(length);
    if (body.length != length || in.read() != ',') {
      throw new IOException("truncated netstring from ctrl_tcp");
    }
    try (JsonReader reader =
        Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
      return reader.readObject();
    }
  }

  /**
   * Quits baresip (unregistering), and ends its process by PID when it does not quit within 5 s.
   */
  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        command("quit", "");
      } catch (IOException | AssertionError e) {
        // It may no longer listen: the signals below end it.
      }
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** For failure messages. */
  @Override
  public String toString() {
    return "baresip " + address + ":" + sipPort + " (PID " + process.pid() + ", " + dir + ")";
  }
}
