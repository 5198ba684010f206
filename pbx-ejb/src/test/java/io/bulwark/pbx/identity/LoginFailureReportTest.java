package io.bulwark.pbx.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoginFailureReportTest {

  private static final String SECRET = "s3cretS3cretS3cret";

  private static Optional<LoginFailureReport> parse(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    byte[] buffer = new byte[2048];
    System.arraycopy(bytes, 0, buffer, 0, bytes.length);
    return LoginFailureReport.parse(buffer, bytes.length, SECRET);
  }

  private static String lines(String... lines) {
    return String.join("\n", lines);
  }

  @Test
  void aPersonsFailedLoginIsAGuessAtAWebUser() throws Exception {
    LoginFailureReport report =
        parse(
                lines(
                    LoginFailureReport.HEADER,
                    SECRET,
                    "USER",
                    "203.0.113.9",
                    "admin",
                    "invalid_user_credentials"))
            .orElseThrow();
    assertEquals(InetAddress.getByName("203.0.113.9"), report.source());
    assertEquals("WebUser:admin", report.account());
    assertEquals("invalid_user_credentials", report.error());
  }

  @Test
  void aClientsFailedTokenRequestIsAGuessAtAnApiClient() {
    LoginFailureReport report =
        parse(lines(LoginFailureReport.HEADER, SECRET, "CLIENT", "2001:db8::5", "backup", "-"))
            .orElseThrow();
    assertEquals("ApiClient:backup", report.account());
    assertEquals(null, report.error());
    assertEquals(
        "WebUser:?",
        parse(lines(LoginFailureReport.HEADER, SECRET, "USER", "2001:db8::5", "-", "-"))
            .orElseThrow()
            .account());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bulwark-login-failure/1\nwrong-secret\nUSER\n203.0.113.9\nadmin\ninvalid_user_credentials",
        "bulwark-login-failure/2\ns3cretS3cretS3cret\nUSER\n203.0.113.9\nadmin\nx",
        "bulwark-login-failure/1\ns3cretS3cretS3cret\nADMIN\n203.0.113.9\nadmin\nx",
        "bulwark-login-failure/1\ns3cretS3cretS3cret\nUSER\nexample.com\nadmin\nx",
        "bulwark-login-failure/1\ns3cretS3cretS3cret\nUSER\n203.0.113.0/24\nadmin\nx",
        "bulwark-login-failure/1\ns3cretS3cretS3cret\nUSER\n203.0.113.9\nadmin",
        "bulwark-login-failure/1\ns3cretS3cretS3cret\nUSER\n203.0.113.9\nadmin\nx\nextra",
        "",
        "GET / HTTP/1.1",
      })
  void anythingElseIsNoReport(String datagram) {
    assertTrue(parse(datagram).isEmpty(), datagram);
  }
}
