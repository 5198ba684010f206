package io.bulwark.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmbeddedMariaDbTest {

  @Test
  void eachServiceGetsItsDatabaseAndAnAccountFromLoopbackOnly() {
    String sql = EmbeddedMariaDb.accounts("bulwark:bw:secret,keycloak:kc:other");

    assertTrue(sql.contains("CREATE DATABASE IF NOT EXISTS `bulwark`"));
    assertTrue(sql.contains("CREATE USER IF NOT EXISTS 'bw'@'127.0.0.1' IDENTIFIED BY 'secret';"));
    assertTrue(sql.contains("GRANT ALL PRIVILEGES ON `keycloak`.* TO 'kc'@'localhost';"));
    assertFalse(sql.contains("'%'"), "no account reachable from another host");
  }

  @Test
  void quotesAndBackslashesInAPasswordStayInsideTheLiteral() {
    String sql = EmbeddedMariaDb.accounts("bulwark:bw:it's\\x");

    assertTrue(sql.contains("IDENTIFIED BY 'it''s\\\\x';"), sql);
  }

  @Test
  void aMalformedAccountIsRefusedBeforeAnySqlIsWritten() {
    assertThrows(IllegalArgumentException.class, () -> EmbeddedMariaDb.accounts("bulwark:bw"));
    assertThrows(
        IllegalArgumentException.class, () -> EmbeddedMariaDb.accounts("db`;DROP:bw:secret"));
  }

  @Test
  void hardeningLeavesRootToTheSocketAndAddsTheOperatingSystemAccountWhenItIsNotRoot() {
    assertTrue(
        EmbeddedMariaDb.hardening("root")
            .contains("ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket;"));
    assertFalse(EmbeddedMariaDb.hardening("root").contains("CREATE USER"));
    assertTrue(
        EmbeddedMariaDb.hardening("pbx")
            .contains("CREATE USER IF NOT EXISTS 'pbx'@'localhost' IDENTIFIED VIA unix_socket;"));
    assertTrue(
        EmbeddedMariaDb.hardening("pbx").contains("DELETE FROM mysql.global_priv WHERE User = '';"),
        "anonymous accounts go");
    assertThrows(IllegalArgumentException.class, () -> EmbeddedMariaDb.hardening("x'y"));
  }
}
