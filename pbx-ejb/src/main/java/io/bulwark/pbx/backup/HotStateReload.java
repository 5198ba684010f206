package io.bulwark.pbx.backup;

import io.bulwark.pbx.callpolicy.CallPolicyChanged;
import io.bulwark.pbx.defense.DefenseChanged;
import io.bulwark.pbx.extension.ExtensionChanged;
import io.bulwark.pbx.extension.ExtensionGroupChanged;
import io.bulwark.pbx.identity.ApiClientsChanged;
import io.bulwark.pbx.identity.RolesChanged;
import io.bulwark.pbx.routing.RoutesChanged;
import io.bulwark.pbx.trunk.TrunkChanged;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * After a restore, has every in-memory copy (extensions and their credentials, trunks, routes,
 * groups, defense, call policy, roles, API clients) read the database again, through the same
 * change events an administrator's edit raises: an extension the restore removed is announced as
 * deleted, so its registrations go too.
 */
@ApplicationScoped
public class HotStateReload {

  @Resource(lookup = "java:jboss/datasources/BulwarkDS")
  private DataSource dataSource;

  @Inject private Event<ExtensionChanged> extensions;
  @Inject private Event<TrunkChanged> trunks;
  @Inject private Event<ExtensionGroupChanged> groups;
  @Inject private Event<RoutesChanged> routes;
  @Inject private Event<DefenseChanged> defense;
  @Inject private Event<CallPolicyChanged> callPolicy;
  @Inject private Event<RolesChanged> roles;
  @Inject private Event<ApiClientsChanged> apiClients;

  /**
   * What a restore compares: each extension's number and registration name, then what its Keycloak
   * user holds (email, names, mobile, role); trunks, groups, custom roles and API clients.
   */
  public BackupService.Snapshot snapshot(Connection c) throws SQLException {
    Map<Long, String[]> extensionRows = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, number, registration_name, email, user_first_name, user_last_name,"
                    + " user_mobile, user_role FROM extension")) {
      while (rs.next()) {
        String[] row = new String[7];
        for (int i = 0; i < row.length; i++) {
          row[i] = rs.getString(i + 2);
        }
        extensionRows.put(rs.getLong(1), row);
      }
    }
    Map<Long, String> trunkRows = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, name FROM trunk")) {
      while (rs.next()) {
        trunkRows.put(rs.getLong(1), rs.getString(2));
      }
    }
    Set<Long> groupIds = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM extension_group")) {
      while (rs.next()) {
        groupIds.add(rs.getLong(1));
      }
    }
    Map<String, String> roleRows = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name, description FROM custom_role")) {
      while (rs.next()) {
        roleRows.put(rs.getString(1), rs.getString(2));
      }
    }
    Map<String, String[]> clientRows = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT keycloak_id, name, role, description FROM api_client")) {
      while (rs.next()) {
        clientRows.put(
            rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
      }
    }
    return new BackupService.Snapshot(extensionRows, trunkRows, groupIds, roleRows, clientRows);
  }

  /** Announces every change the restore made; returns the state after it. */
  public BackupService.Snapshot reloadAfterRestore(BackupService.Snapshot before)
      throws SQLException {
    BackupService.Snapshot after;
    try (Connection c = dataSource.getConnection()) {
      after = snapshot(c);
    }
    before
        .extensions()
        .forEach(
            (id, row) -> {
              String[] now = after.extensions().get(id);
              if (now == null || !Objects.equals(now[0], row[0])) {
                extensions.fire(new ExtensionChanged(id, row[0], row[1], true));
              }
            });
    after
        .extensions()
        .forEach(
            (id, row) -> {
              String[] then = before.extensions().get(id);
              boolean same = then != null && Objects.equals(then[0], row[0]);
              extensions.fire(new ExtensionChanged(id, row[0], same ? then[1] : null, false));
            });
    before
        .trunks()
        .forEach(
            (id, name) -> {
              if (!after.trunks().containsKey(id)) {
                trunks.fire(new TrunkChanged(id, name, true));
              }
            });
    after.trunks().forEach((id, name) -> trunks.fire(new TrunkChanged(id, name, false)));
    Set<Long> allGroups = new HashSet<>(before.groups());
    allGroups.addAll(after.groups());
    allGroups.forEach(id -> groups.fire(new ExtensionGroupChanged(id)));
    routes.fire(new RoutesChanged());
    defense.fire(new DefenseChanged());
    callPolicy.fire(new CallPolicyChanged());
    roles.fire(new RolesChanged());
    apiClients.fire(new ApiClientsChanged());
    return after;
  }
}
