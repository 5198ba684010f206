package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calls between extensions with sipp on both ends: the caller authenticates its INVITE after a 407,
 * the callee's phone rings and answers, the callee is shown the caller's extension rather than the
 * From the caller forged, and BYE ends the call on both sides.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallIT {

  private static final String REJECTED =
      "select count(*) from event_log where type = 'CALL_REJECTED'";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final ExtensionsApi api = new ExtensionsApi(KeycloakAdmin.tokenWithRole("administrator"));

  @Test
  void anExtensionCallsAnotherWhoAnswersAndTheCallerHangsUp() throws Exception {
    api.createValid("3201", "call3201", "Call3rSecret");
    api.createValid("3202", "call3202", "Call3eSecret");
    int phone = TestEnvironment.freeSipPort();
    assertEquals(200, Sipp.registerAt("3202", "call3202", "Call3eSecret", phone).finalStatus());
    Sipp.Answering callee = Sipp.answer(phone);

    Sipp.Run caller = Sipp.call("3202", "call3201", "Call3rSecret");

    assertEquals(200, caller.finalStatus(), caller.messages());
    assertTrue(caller.messages().contains("SIP/2.0 407"), "the INVITE was challenged first");
    Sipp.Run answered = callee.await();
    assertEquals(200, answered.finalStatus(), answered.messages());
    assertTrue(answered.messages().contains("From: \"Test 3201\" <sip:3201@"), answered.messages());
    assertTrue(!answered.messages().contains("9999"), "the forged From stays with the caller");
  }

  @Test
  void refusalsTellTheCallerWhy() {
    api.createValid("3211", "call3211", "Call3rSecret");
    api.createValid("3212", "call3212", "Call3eSecret");
    long rejectedBefore = Database.count(REJECTED);

    assertEquals(480, Sipp.call("3212", "call3211", "Call3rSecret").finalStatus(), "no phone");
    assertEquals(404, Sipp.call("3299", "call3211", "Call3rSecret").finalStatus(), "no extension");
    assertEquals(403, Sipp.call("3212", "call3211", "wrong-one").finalStatus(), "wrong password");
    assertTrue(awaitRejected(rejectedBefore), "the refused INVITE is in the event log");
  }

  /** Refusals reach the event log through the throttle, a moment after the answer. */
  private static boolean awaitRejected(long before) {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Database.count(REJECTED) > before) {
        return true;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }
}
