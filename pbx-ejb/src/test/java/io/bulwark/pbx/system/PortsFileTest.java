package io.bulwark.pbx.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsFileTest {

  @Test
  void aChangeIsWrittenOverThePortsKeptBeforeAndAnythingElseIsDropped(@TempDir Path home)
      throws Exception {
    Path file = home.resolve(PortsFile.NAME);
    Files.writeString(
        file, "BULWARK_HTTPS_PORT=9443\nBULWARK_HTTP_PORT=9080\nBULWARK_DB_PORT=$(id)\nnoise\n");

    PortsFile.keep(
        file, Map.of("BULWARK_RTPENGINE_PORT_MIN", 20000, "BULWARK_RTPENGINE_PORT_MAX", 20399));
    PortsFile.keep(file, Map.of("BULWARK_HTTPS_PORT", 10443));

    assertEquals(
        "# Ports as System > Service ports kept them; Bulwark writes this file.\n"
            + "BULWARK_HTTPS_PORT=10443\n"
            + "BULWARK_HTTP_PORT=9080\n"
            + "BULWARK_RTPENGINE_PORT_MAX=20399\n"
            + "BULWARK_RTPENGINE_PORT_MIN=20000\n",
        Files.readString(file));
    try (var left = Files.list(home)) {
      assertEquals(1, left.count(), "no temporary file is left");
    }
  }
}
