package io.bulwark.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;

class LoginFailureRelayTest {

  private static Event event(EventType type, String error, String username) {
    Event event = new Event();
    event.setType(type);
    event.setError(error);
    event.setIpAddress("198.51.100.7");
    event.setClientId("bulwark-portal");
    event.setDetails(username == null ? Map.of() : Map.of("username", username));
    return event;
  }

  @Test
  void aWrongPasswordIsAGuessAtTheUser() {
    LoginFailure failure =
        LoginFailureRelay.failure(
            event(EventType.LOGIN_ERROR, "invalid_user_credentials", "admin"));
    assertEquals(
        new LoginFailure(
            LoginFailure.Kind.USER, "198.51.100.7", "admin", "invalid_user_credentials"),
        failure);
  }

  @Test
  void aWrongClientSecretIsAGuessAtTheClient() {
    LoginFailure failure =
        LoginFailureRelay.failure(
            event(EventType.CLIENT_LOGIN_ERROR, "invalid_client_credentials", null));
    assertEquals(LoginFailure.Kind.CLIENT, failure.kind());
    assertEquals("bulwark-portal", failure.login());
  }

  @Test
  void errorsThatSayNothingOfTheCallerAndOtherEventsAreNotRelayed() {
    assertNull(LoginFailureRelay.failure(event(EventType.LOGIN_ERROR, "expired_code", "admin")));
    assertNull(
        LoginFailureRelay.failure(event(EventType.LOGIN_ERROR, "cookie_not_found", "admin")));
    assertNull(LoginFailureRelay.failure(event(EventType.LOGIN, null, "admin")));
    assertNull(
        LoginFailureRelay.failure(
            event(EventType.UPDATE_PASSWORD_ERROR, "invalid_user_credentials", "admin")));
  }

  @Test
  void valuesAreOneShortLineEach() {
    String forged = "admin\n" + LoginFailure.HEADER + "\nsecret\n" + "x".repeat(500);
    String[] lines =
        new String(
                new LoginFailure(LoginFailure.Kind.USER, "198.51.100.7", forged, null)
                    .datagram("s3cret"),
                StandardCharsets.UTF_8)
            .split("\n", -1);
    assertEquals(6, lines.length);
    assertEquals(LoginFailure.MAX_VALUE, lines[4].length());
    assertEquals("-", lines[5]);
  }

  @Test
  void theFailureReachesBulwarkAsOneDatagramOnLoopback() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (DatagramSocket bulwark = new DatagramSocket(new InetSocketAddress(loopback, 0));
        DatagramSocket keycloak = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
      bulwark.setSoTimeout(5000);
      new LoginFailureRelay(keycloak, (InetSocketAddress) bulwark.getLocalSocketAddress(), "s3cret")
          .onEvent(event(EventType.LOGIN_ERROR, "user_not_found", "guess"));
      DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
      bulwark.receive(packet);
      assertEquals(
          String.join(
              "\n",
              LoginFailure.HEADER,
              "s3cret",
              "USER",
              "198.51.100.7",
              "guess",
              "user_not_found"),
          new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
    }
  }
}
