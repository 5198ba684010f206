package io.bulwark.pbx.certificate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes keys and certificates with the openssl command, as an administrator or an authority would.
 */
final class Openssl {

  private final Path dir;

  Openssl(Path dir) {
    this.dir = dir;
  }

  /** Runs openssl in the directory; what it printed. */
  String run(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  /** A self-signed certificate {@code name}.pem with its PKCS #8 key {@code name}.key. */
  void selfSigned(String name, String newKey, String... extensions)
      throws IOException, InterruptedException {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "req",
                "-x509",
                "-newkey",
                newKey,
                "-nodes",
                "-keyout",
                name + ".key",
                "-out",
                name + ".pem",
                "-days",
                "2",
                "-subj",
                "/CN=" + name));
    for (String extension : extensions) {
      arguments.addAll(List.of("-addext", extension));
    }
    run(arguments.toArray(String[]::new));
  }

  /** A certificate {@code name}.pem that {@code issuer} signed, with its key {@code name}.key. */
  void issued(String name, String issuer) throws IOException, InterruptedException {
    run(
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        name + ".key",
        "-out",
        name + ".csr",
        "-subj",
        "/CN=" + name);
    Files.writeString(dir.resolve(name + ".ext"), "subjectAltName=DNS:" + name + "\n");
    run(
        "x509",
        "-req",
        "-in",
        name + ".csr",
        "-CA",
        issuer + ".pem",
        "-CAkey",
        issuer + ".key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        name + ".ext",
        "-out",
        name + ".pem");
  }

  String read(String file) throws IOException {
    return Files.readString(dir.resolve(file));
  }
}
