package io.bulwark.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SipTrafficTest {

  @Test
  void methodsOutsideTheRfcsShareOneCounterAndOnlyWhatWasSeenIsListed() {
    SipTraffic traffic = new SipTraffic();
    traffic.request("REGISTER");
    traffic.request("REGISTER");
    traffic.request("XSCAN");
    traffic.request("OTHER");
    traffic.request("register");
    traffic.response(401);
    traffic.response(200);
    traffic.response(200);
    traffic.response(99);
    traffic.response(700);

    assertEquals(Map.of("REGISTER", 2L, "OTHER", 3L), traffic.requestsByMethod());
    assertEquals(Map.of(200, 2L, 401, 1L), traffic.responsesByStatus());
  }
}
