package io.bulwark.pbx.web.monitoring;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SipOptionsProbeTest {

  /** Answers one request with {@code status}, copying its Call-ID as a SIP server does. */
  private static Thread answerOnce(DatagramSocket server, String status) {
    Thread thread =
        new Thread(
            () -> {
              try {
                byte[] buffer = new byte[4096];
                DatagramPacket request = new DatagramPacket(buffer, buffer.length);
                server.receive(request);
                String text = new String(buffer, 0, request.getLength(), StandardCharsets.US_ASCII);
                String callId = text.replaceAll("(?s).*\r\nCall-ID: ([^\r]*)\r\n.*", "$1");
                byte[] answer =
                    ("SIP/2.0 " + status + "\r\nCall-ID: " + callId + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                server.send(new DatagramPacket(answer, answer.length, request.getSocketAddress()));
              } catch (Exception e) {
                // the socket was closed: the test is over
              }
            });
    thread.start();
    return thread;
  }

  @Test
  void aListenerThatAnswersIsUp() throws Exception {
    try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      answerOnce(server, "200 OK");
      assertTrue(
          SipOptionsProbe.answers(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()),
              Duration.ofSeconds(2)));
    }
  }

  @Test
  void aProvisionalAnswerOrSilenceIsDown() throws Exception {
    try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      answerOnce(server, "100 Trying");
      assertFalse(
          SipOptionsProbe.answers(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()),
              Duration.ofMillis(300)));
    }
  }
}
