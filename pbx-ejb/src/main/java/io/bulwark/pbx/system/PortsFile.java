package io.bulwark.pbx.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jboss.logging.Logger;

/**
 * {@code $BULWARK_HOME/service-ports.env}: the portal's ports as kept, which {@code ./bulwark
 * start} reads before it starts WildFly, so a restart listens where the administrator moved it.
 */
final class PortsFile {

  private static final Logger LOG = Logger.getLogger(PortsFile.class);
  static final String NAME = "service-ports.env";

  private PortsFile() {}

  static void write(WebPorts ports) {
    String home = System.getenv("BULWARK_HOME");
    if (home == null || home.isBlank()) {
      LOG.warnf("No BULWARK_HOME: the next start listens where it is told, not on %s", ports);
      return;
    }
    Path file = Path.of(home.strip(), NAME);
    String text =
        "# The portal's ports, as System > Service ports kept them; Bulwark writes this file.\n"
            + "BULWARK_HTTPS_PORT="
            + ports.https()
            + "\nBULWARK_HTTP_PORT="
            + ports.http()
            + "\n";
    try {
      Path written = Files.createTempFile(file.getParent(), NAME, ".tmp");
      Files.writeString(written, text, StandardCharsets.UTF_8);
      Files.move(
          written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.errorf(
          "Could not write %s (%s): the next start listens on the launcher's ports", file, e);
    }
  }
}
