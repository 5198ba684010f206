package io.bulwark.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the tools the tests drive (curl, ip, nft, openssl, SIPVicious) and keeps what they said. */
final class Commands {

  private Commands() {}

  /** How a command ended, and everything it printed (standard output and error together). */
  record Result(List<String> command, int exit, String output) {

    /** The output; fails the test when the command failed. */
    String check() {
      if (exit != 0) {
        throw new AssertionError(String.join(" ", command) + " failed (" + exit + "): " + output);
      }
      return output;
    }
  }

  /** Runs {@code command}; one that is still running after {@code timeout} is killed (exit -1). */
  static Result run(Duration timeout, List<String> command) {
    return run(null, timeout, command);
  }

  /** Runs {@code command} in {@code directory} (null: the tests' own). */
  static Result run(Path directory, Duration timeout, List<String> command) {
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(directory == null ? null : directory.toFile())
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return new Result(command, -1, output + " (killed after " + timeout + ")");
      }
      return new Result(command, process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Result run(String... command) {
    return run(Duration.ofSeconds(60), List.of(command));
  }
}
