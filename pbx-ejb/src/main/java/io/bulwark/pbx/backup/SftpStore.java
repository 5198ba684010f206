package io.bulwark.pbx.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * One connection to the SFTP server backups are copied to. The server must present the host key
 * saved for it, else nothing is sent and the key it did present is reported. A file is written
 * under a temporary name and renamed when whole, so the folder never holds half a backup under a
 * backup's name.
 */
final class SftpStore implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final String PART = ".part";

  /** What went wrong, in words for the administrator. */
  static class Failure extends IOException {
    Failure(String message) {
      super(message);
    }
  }

  /** The server presented a host key other than the one saved. */
  static final class UnknownHostKey extends Failure {
    private final String presented;

    UnknownHostKey(String presented) {
      super("The server presented the host key " + presented + ", not the one saved");
      this.presented = presented;
    }

    String presented() {
      return presented;
    }
  }

  /** A file in the server's folder. */
  record RemoteFile(String name, long bytes, Instant modifiedAt) {}

  private final SshClient client;
  private final ClientSession session;
  private final SftpClient sftp;
  private final String directory;

  private SftpStore(SshClient client, ClientSession session, SftpClient sftp, String directory) {
    this.client = client;
    this.session = session;
    this.sftp = sftp;
    this.directory =
        directory.endsWith("/") && directory.length() > 1
            ? directory.substring(0, directory.length() - 1)
            : directory;
  }

  /** Connects and signs in; the host key must be {@code target}'s. */
  static SftpStore connect(SftpTarget target) throws Failure {
    AtomicReference<String> presented = new AtomicReference<>();
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(
        (session, address, key) -> {
          String fingerprint = KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
          presented.set(fingerprint);
          return fingerprint.equals(target.hostKey());
        });
    client.start();
    ClientSession session = null;
    String step = "connect";
    try {
      session =
          client
              .connect(target.username(), target.host(), target.port())
              .verify(TIMEOUT)
              .getSession();
      step = "sign in";
      session.addPasswordIdentity(target.password());
      session.auth().verify(TIMEOUT);
      step = "start SFTP";
      return new SftpStore(
          client,
          session,
          SftpClientFactory.instance().createSftpClient(session),
          target.directory());
    } catch (IOException | RuntimeException e) {
      closeQuietly(session);
      client.stop();
      if (presented.get() != null && !presented.get().equals(target.hostKey())) {
        throw new UnknownHostKey(presented.get());
      }
      throw new Failure(explain(step, e, target));
    }
  }

  private static String explain(String step, Exception e, SftpTarget target) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String server = target.host() + ":" + target.port();
    if (root instanceof UnknownHostException) {
      return "The host name " + target.host() + " is not known";
    }
    if (root instanceof ConnectException) {
      return "Nothing answers at " + server;
    }
    return switch (step) {
      case "connect" -> "No SSH server could be reached at " + server;
      case "sign in" -> "The server refused the user name or password";
      default -> "The server did not start SFTP for this user";
    };
  }

  /** The files in the folder whose names {@code wanted} accepts, newest first. */
  List<RemoteFile> list(Predicate<String> wanted) throws Failure {
    List<RemoteFile> files = new ArrayList<>();
    try (SftpClient.CloseableHandle dir = sftp.openDir(directory)) {
      for (List<SftpClient.DirEntry> batch = sftp.readDir(dir);
          batch != null;
          batch = sftp.readDir(dir)) {
        for (SftpClient.DirEntry entry : batch) {
          SftpClient.Attributes a = entry.getAttributes();
          if (a.isRegularFile() && wanted.test(entry.getFilename())) {
            files.add(
                new RemoteFile(
                    entry.getFilename(),
                    a.getSize(),
                    a.getModifyTime() == null ? Instant.EPOCH : a.getModifyTime().toInstant()));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new Failure("The folder " + directory + " cannot be read on the server");
    }
    files.sort(Comparator.comparing(RemoteFile::modifiedAt).reversed());
    return files;
  }

  /** Copies {@code file} into the folder under its own name, making the folder if need be. */
  void put(Path file) throws Failure {
    String name = file.getFileName().toString();
    makeDirectory();
    String part = path(name + PART);
    try (InputStream in = Files.newInputStream(file);
        OutputStream out = sftp.write(part)) {
      in.transferTo(out);
    } catch (IOException e) {
      remove(part);
      throw new Failure("The server did not take the file: " + e.getMessage());
    }
    try {
      long written = sftp.stat(part).getSize();
      if (written != Files.size(file)) {
        throw new Failure("The server kept " + written + " of " + Files.size(file) + " bytes");
      }
      sftp.rename(part, path(name));
    } catch (Failure e) {
      remove(part);
      throw e;
    } catch (IOException e) {
      remove(part);
      throw new Failure("The server did not keep the file under its name: " + e.getMessage());
    }
  }

  /** Writes the server's {@code name} to {@code target}, which appears only when whole. */
  void get(String name, Path target) throws Failure {
    Path part = target.resolveSibling(target.getFileName() + PART);
    try {
      try (InputStream in = sftp.read(path(name))) {
        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new Failure("The server's " + name + " could not be fetched: " + e.getMessage());
    } finally {
      try {
        Files.deleteIfExists(part);
      } catch (IOException e) {
        // Left for the next fetch to replace.
      }
    }
  }

  void delete(String name) throws Failure {
    try {
      sftp.remove(path(name));
    } catch (IOException e) {
      throw new Failure("The server's " + name + " could not be deleted: " + e.getMessage());
    }
  }

  /** Writes and removes a small file, to show the folder takes files. */
  void probe() throws Failure {
    makeDirectory();
    String probe = path(".bulwark-probe");
    try (OutputStream out = sftp.write(probe)) {
      out.write('\n');
    } catch (IOException e) {
      throw new Failure("The folder " + directory + " does not take files from this user");
    }
    remove(probe);
  }

  private void makeDirectory() throws Failure {
    StringBuilder path = new StringBuilder(directory.startsWith("/") ? "/" : "");
    for (String segment : directory.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      path.append(segment);
      try {
        sftp.stat(path.toString());
      } catch (IOException missing) {
        try {
          sftp.mkdir(path.toString());
        } catch (IOException e) {
          throw new Failure("The folder " + directory + " cannot be made on the server");
        }
      }
      path.append('/');
    }
  }

  private String path(String name) {
    return directory + "/" + name;
  }

  private void remove(String path) {
    try {
      sftp.remove(path);
    } catch (IOException e) {
      // Not there, or not ours to remove: nothing more to do.
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (Exception e) {
        // Closing after a failure: the failure is what counts.
      }
    }
  }

  @Override
  public void close() {
    closeQuietly(sftp);
    closeQuietly(session);
    client.stop();
  }
}
