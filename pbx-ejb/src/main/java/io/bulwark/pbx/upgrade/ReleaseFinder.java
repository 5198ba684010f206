package io.bulwark.pbx.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the newest release package a source offers. A folder: every {@code *.zip} in it. An HTTPS
 * address: the file {@code latest} there names the package (one line, {@code bulwark-1.4.0.zip}),
 * which is downloaded beside the others. Only packages whose signature and EAR verify count; the
 * others are reported, never used.
 */
public final class ReleaseFinder {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final long MAX_DOWNLOAD = 600L * 1024 * 1024;

  /** A verified package. */
  public record Found(Path file, ReleasePackage.Manifest manifest) {}

  /** What a look at the source gave. */
  public record Look(Optional<Found> newest, List<String> refusals) {}

  private final ReleaseKey key;
  private final Path downloads;
  private final HttpClient http;

  public ReleaseFinder(ReleaseKey key, Path downloads, HttpClient http) {
    this.key = key;
    this.downloads = downloads;
    this.http = http;
  }

  /**
   * The newest package newer than {@code running} whose signature and EAR both verify. Every
   * candidate's signed manifest is read, but only the EAR of the one chosen is hashed (and of the
   * next, should that one fail).
   *
   * @throws IOException when the source cannot be read or reached
   */
  public Look look(String source, ReleaseVersion running) throws IOException {
    List<Path> candidates =
        source.startsWith("/") ? zipsIn(Path.of(source)) : List.of(download(URI.create(source)));
    List<String> refusals = new ArrayList<>();
    List<Found> signed = new ArrayList<>();
    for (Path candidate : candidates) {
      try {
        signed.add(new Found(candidate, ReleasePackage.signedManifest(candidate, key)));
      } catch (ReleasePackage.RefusedException e) {
        refusals.add(candidate.getFileName() + ": " + e.getMessage());
      }
    }
    signed.sort(Comparator.comparing((Found found) -> found.manifest().version()).reversed());
    for (Found found : signed) {
      if (!found.manifest().version().isNewerThan(running)) {
        break;
      }
      try {
        ReleasePackage.verify(found.file(), key);
        return new Look(Optional.of(found), refusals);
      } catch (ReleasePackage.RefusedException e) {
        refusals.add(found.file().getFileName() + ": " + e.getMessage());
      }
    }
    return new Look(Optional.empty(), refusals);
  }

  private static List<Path> zipsIn(Path folder) throws IOException {
    List<Path> zips = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.zip")) {
      for (Path file : files) {
        if (Files.isRegularFile(file)) {
          zips.add(file);
        }
      }
    }
    zips.sort(null);
    return zips;
  }

  private Path download(URI base) throws IOException {
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    String name = new String(get(URI.create(root + "latest"), 256), StandardCharsets.UTF_8).strip();
    if (!name.matches("[A-Za-z0-9._-]{1,100}\\.zip")) {
      throw new IOException("its latest file names no package");
    }
    Files.createDirectories(downloads);
    Path target = downloads.resolve(name);
    Path partial = downloads.resolve(name + ".part");
    try (InputStream in = stream(URI.create(root + name))) {
      long copied = 0;
      try (var out = Files.newOutputStream(partial)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          copied += n;
          if (copied > MAX_DOWNLOAD) {
            throw new IOException("the package is larger than " + (MAX_DOWNLOAD >> 20) + " MiB");
          }
          out.write(buffer, 0, n);
        }
      }
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  private byte[] get(URI uri, int limit) throws IOException {
    try (InputStream in = stream(uri)) {
      return in.readNBytes(limit);
    }
  }

  private InputStream stream(URI uri) throws IOException {
    try {
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(),
              HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
        throw new IOException(uri.getPath() + " answered " + response.statusCode());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
  }
}
