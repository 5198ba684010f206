package io.bulwark.pbx.event;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks the links of the security log written through {@link SecurityLogChain}, across its daily
 * files in order, and names the first line where the chain breaks. Lines from before the chain
 * began (an older Bulwark wrote them) are counted apart and not checked. Runs in the server (the
 * event log page, the API) and on its own: {@code ./bulwark verify-security-log}.
 */
public final class SecurityLogVerifier {

  /** The name of the file written today; earlier days carry a {@code .yyyy-MM-dd} suffix. */
  public static final String FILE_NAME = "security.log";

  /** Where the chain first breaks: a file, a line number from 1, and what is wrong there. */
  public record Break(String file, long line, String reason) {}

  /**
   * @param linked lines checked
   * @param unlinked lines written before the chain began
   * @param head the hash of the last linked line, to compare with what the server last wrote
   * @param firstBreak where the chain breaks, or {@code null} when it holds
   */
  public record Result(int files, long linked, long unlinked, String head, Break firstBreak) {
    public boolean intact() {
      return firstBreak == null;
    }

    /** One sentence for a person. */
    public String summary() {
      if (firstBreak != null) {
        return "Broken at "
            + firstBreak.file()
            + " line "
            + firstBreak.line()
            + ": "
            + firstBreak.reason();
      }
      return "Intact: " + linked + " linked lines in " + files + (files == 1 ? " file" : " files");
    }
  }

  private SecurityLogVerifier() {}

  /** The security log's files in {@code dir}, oldest first: the dated ones, then today's. */
  public static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> listed = Files.list(dir)) {
      List<Path> dated =
          new ArrayList<>(
              listed
                  .filter(p -> p.getFileName().toString().startsWith(FILE_NAME + "."))
                  .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                  .toList());
      Path current = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(current)) {
        dated.add(current);
      }
      return dated;
    }
  }

  /** Checks {@code files} as one log, in the order given. */
  public static Result verify(List<Path> files) throws IOException {
    String previous = null;
    long linked = 0;
    long unlinked = 0;
    for (Path file : files) {
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        long number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          number++;
          if (line.isEmpty()) {
            continue;
          }
          String name = file.getFileName().toString();
          SecurityLogChain.Links links = SecurityLogChain.links(line);
          if (links == null) {
            if (previous == null) {
              unlinked++;
              continue;
            }
            return broken(files, linked, unlinked, name, number, "the line has no link");
          }
          if (!links.intact()) {
            return broken(
                files, linked, unlinked, name, number, "the line was changed after it was written");
          }
          if (previous != null && !previous.equals(links.prev())) {
            return broken(
                files,
                linked,
                unlinked,
                name,
                number,
                "the line before it is not the one written before it: lines were removed,"
                    + " inserted or changed");
          }
          previous = links.stated();
          linked++;
        }
      }
    }
    return new Result(files.size(), linked, unlinked, previous, null);
  }

  private static Result broken(
      List<Path> files, long linked, long unlinked, String file, long line, String reason) {
    return new Result(files.size(), linked, unlinked, null, new Break(file, line, reason));
  }

  /**
   * {@code java -cp pbx-ejb.jar io.bulwark.pbx.event.SecurityLogVerifier DIR|FILE...}: prints the
   * summary; exits 0 when the chain holds, 1 when it breaks, 2 when the files cannot be read.
   */
  public static void main(String[] args) {
    try {
      List<Path> files = new ArrayList<>();
      for (String arg : args) {
        Path path = Path.of(arg);
        files.addAll(Files.isDirectory(path) ? files(path) : List.of(path));
      }
      if (files.isEmpty()) {
        System.err.println("No security log found in " + String.join(" ", args));
        System.exit(2);
      }
      Result result = verify(files);
      System.out.println(result.summary());
      System.exit(result.intact() ? 0 : 1);
    } catch (IOException e) {
      System.err.println("Cannot read the security log: " + e.getMessage());
      System.exit(2);
    }
  }
}
