package io.bulwark.pbx.backup;

import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.identity.ApiClient;
import io.bulwark.pbx.identity.KeycloakDirectory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * After a restore, makes Keycloak hold what the restored rows say: the custom roles (made, or
 * removed when the restore took them away), the extensions' users, and the API clients. An API
 * client the restore took away is deleted there, so its secret stops working at once; one the
 * restore brought back whose Keycloak client was gone gets a new client, whose secret nobody has
 * seen: it works again once an administrator renews it.
 */
@ApplicationScoped
class RealmResync {

  private static final Logger LOG = Logger.getLogger(RealmResync.class);

  @Resource(lookup = "java:jboss/datasources/BulwarkDS")
  private DataSource dataSource;

  @Inject private ExtensionService extensions;
  @Inject private KeycloakDirectory directory;

  /** Does it; says, for the progress line, what could not be done or needs the administrator. */
  String bringInLine(BackupService.Snapshot before, BackupService.Snapshot after) {
    List<String> notes = new ArrayList<>();
    int failed = roles(before, after) + users(before, after);
    int[] clients = apiClients(before, after);
    failed += clients[1];
    if (clients[0] > 0) {
      notes.add(clients[0] + " API clients need a new secret (renew it under API clients)");
    }
    if (failed > 0) {
      notes.add(failed + " changes could not be made in Keycloak, see the server log");
    }
    return notes.isEmpty() ? "" : "; " + String.join("; ", notes);
  }

  private int roles(BackupService.Snapshot before, BackupService.Snapshot after) {
    int failed = 0;
    for (Map.Entry<String, String> role : after.customRoles().entrySet()) {
      try {
        directory.createRole(role.getKey(), "Bulwark custom role: " + role.getValue());
      } catch (RuntimeException e) {
        failed++;
        LOG.warnf("Custom role %s was not restored in Keycloak: %s", role.getKey(), e);
      }
    }
    for (String name : before.customRoles().keySet()) {
      if (!after.customRoles().containsKey(name)) {
        try {
          directory.deleteRole(name);
        } catch (RuntimeException e) {
          failed++;
          LOG.warnf("Custom role %s the restore removed is still in Keycloak: %s", name, e);
        }
      }
    }
    return failed;
  }

  /**
   * Only the users whose extension the restore changed: Keycloak held the others as they are, and a
   * restore of 10,000 unchanged extensions should not make 10,000 calls to it.
   */
  private int users(BackupService.Snapshot before, BackupService.Snapshot after) {
    int failed = 0;
    for (Map.Entry<Long, String[]> row : after.extensions().entrySet()) {
      Long id = row.getKey();
      if (Arrays.equals(row.getValue(), before.extensions().get(id))) {
        continue;
      }
      try {
        extensions.resyncUser(id);
      } catch (RuntimeException e) {
        failed++;
        LOG.warnf("The user of extension %s was not restored in Keycloak: %s", id, e);
      }
    }
    Set<String> kept = new HashSet<>();
    after.extensions().values().forEach(row -> kept.add(row[0]));
    for (String[] row : before.extensions().values()) {
      if (!kept.contains(row[0])) {
        try {
          directory.deleteUser(row[0]);
        } catch (RuntimeException e) {
          failed++;
          LOG.warnf("The user of removed extension %s is still in Keycloak: %s", row[0], e);
        }
      }
    }
    return failed;
  }

  /** Returns the clients given a new Keycloak client, and the changes that failed. */
  private int[] apiClients(BackupService.Snapshot before, BackupService.Snapshot after) {
    int reissued = 0;
    int failed = 0;
    for (String id : before.apiClients().keySet()) {
      if (!after.apiClients().containsKey(id)) {
        try {
          directory.deleteClient(id);
        } catch (RuntimeException e) {
          failed++;
          LOG.warnf("API client %s the restore removed still works in Keycloak: %s", id, e);
        }
      }
    }
    for (Map.Entry<String, String[]> client : after.apiClients().entrySet()) {
      String id = client.getKey();
      String name = client.getValue()[0];
      String role = client.getValue()[1];
      try {
        String[] then = before.apiClients().get(id);
        if (!directory.clientExists(id)) {
          KeycloakDirectory.IssuedClient issued =
              directory.createApiClient(
                  ApiClient.PREFIX + name, "Bulwark API client: " + client.getValue()[2], role);
          point(name, issued.id());
          reissued++;
        } else if (then != null && !Objects.equals(then[1], role)) {
          directory.replaceRole(id, then[1], role);
        }
      } catch (RuntimeException | SQLException e) {
        failed++;
        LOG.warnf("API client %s was not restored in Keycloak: %s", name, e);
      }
    }
    return new int[] {reissued, failed};
  }

  private void point(String name, String keycloakId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement("UPDATE api_client SET keycloak_id = ? WHERE name = ?")) {
      update.setString(1, keycloakId);
      update.setString(2, name);
      update.executeUpdate();
    }
  }
}
