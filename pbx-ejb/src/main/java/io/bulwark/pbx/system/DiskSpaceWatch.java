package io.bulwark.pbx.system;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Looks every five minutes at the disks Bulwark writes to (its data, its logs, its backups) and
 * raises "Disk space low" when one is nearly full ({@link DiskSpace}): call records, logs and
 * backups stop being written when a disk fills, which is when an administrator wants to know.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DiskSpaceWatch {

  private static final Logger LOG = Logger.getLogger(DiskSpaceWatch.class);

  @Inject private SecurityEvents events;
  @Inject private Clock clock;

  /** The disks reported low and not yet recovered. */
  private final Set<String> reported = new HashSet<>();

  @Schedule(hour = "*", minute = "*/5", persistent = false)
  void look() {
    for (Map.Entry<FileStore, List<String>> disk : disks().entrySet()) {
      FileStore store = disk.getKey();
      try {
        DiskSpace space = new DiskSpace(store.getTotalSpace(), store.getUsableSpace());
        String name = store.name();
        if (space.low() && reported.add(name)) {
          events.fireAsync(
              new SecurityEvent(
                  clock.instant(),
                  EventType.DISK_SPACE_LOW,
                  null,
                  null,
                  "warn",
                  "disk "
                      + name
                      + " holding "
                      + String.join(", ", disk.getValue())
                      + ": "
                      + space.describe()));
        } else if (space.recovered()) {
          reported.remove(name);
        }
      } catch (IOException e) {
        LOG.debugf("The space of %s cannot be read: %s", store, e.getMessage());
      }
    }
  }

  /** Each disk once, with what of Bulwark's it holds. */
  private static Map<FileStore, List<String>> disks() {
    Map<String, Path> folders = new LinkedHashMap<>();
    folders.put("the data", Path.of(System.getProperty("jboss.server.data.dir", ".")));
    folders.put("the logs", Path.of(System.getProperty("jboss.server.log.dir", ".")));
    String backups = System.getenv("BULWARK_BACKUP_DIR");
    if (backups != null && !backups.isBlank()) {
      folders.put("the backups", Path.of(backups));
    }
    Map<FileStore, List<String>> disks = new LinkedHashMap<>();
    folders.forEach(
        (what, folder) -> {
          try {
            if (Files.exists(folder)) {
              disks
                  .computeIfAbsent(Files.getFileStore(folder), s -> new java.util.ArrayList<>())
                  .add(what);
            }
          } catch (IOException e) {
            LOG.debugf("The disk of %s cannot be read: %s", folder, e.getMessage());
          }
        });
    return disks;
  }
}
