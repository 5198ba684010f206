package io.bulwark.pbx.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * {@code $BULWARK_HOME/service-ports.env}: the ports System > Service ports keeps for the services
 * the launcher starts, which {@code ./bulwark start} reads before it starts them, so a restart
 * listens where the administrator moved them.
 */
final class PortsFile {

  private static final Logger LOG = Logger.getLogger(PortsFile.class);
  static final String NAME = "service-ports.env";
  private static final Pattern LINE = Pattern.compile("(BULWARK_[A-Z_]+)=(\\d{1,5})");

  private PortsFile() {}

  static void keep(WebPorts ports) {
    keep(Map.of("BULWARK_HTTPS_PORT", ports.https(), "BULWARK_HTTP_PORT", ports.http()));
  }

  static void keep(RtpPorts ports) {
    keep(
        Map.of(
            "BULWARK_RTPENGINE_PORT_MIN", ports.min(), "BULWARK_RTPENGINE_PORT_MAX", ports.max()));
  }

  static void keepSsh(int port) {
    keep(Map.of("BULWARK_SSH_PORT", port));
  }

  private static void keep(Map<String, Integer> changed) {
    String home = System.getenv("BULWARK_HOME");
    if (home == null || home.isBlank()) {
      LOG.warnf("No BULWARK_HOME: the next start uses the launcher's ports, not %s", changed);
      return;
    }
    Path file = Path.of(home.strip(), NAME);
    try {
      keep(file, changed);
    } catch (IOException e) {
      LOG.errorf("Could not write %s (%s): the next start uses the launcher's ports", file, e);
    }
  }

  /** Writes {@code changed} over the ports {@code file} holds, replacing it whole. */
  static synchronized void keep(Path file, Map<String, Integer> changed) throws IOException {
    Map<String, Integer> ports = new TreeMap<>(read(file));
    ports.putAll(changed);
    StringBuilder text =
        new StringBuilder(
            "# Ports as System > Service ports kept them; Bulwark writes this file.\n");
    ports.forEach((name, port) -> text.append(name).append('=').append(port).append('\n'));
    Path written = Files.createTempFile(file.getParent(), NAME, ".tmp");
    Files.writeString(written, text, StandardCharsets.UTF_8);
    Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static Map<String, Integer> read(Path file) throws IOException {
    Map<String, Integer> ports = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        Matcher matcher = LINE.matcher(line.strip());
        if (matcher.matches()) {
          ports.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
        }
      }
    } catch (NoSuchFileException e) {
      // the first port kept
    }
    return ports;
  }
}
