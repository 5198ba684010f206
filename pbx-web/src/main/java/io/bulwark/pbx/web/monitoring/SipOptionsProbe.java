package io.bulwark.pbx.web.monitoring;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** Asks a SIP listener an OPTIONS over UDP, as a phone or a monitoring tool would. */
final class SipOptionsProbe {

  private SipOptionsProbe() {}

  /** Whether {@code target} answers the OPTIONS with a final response within {@code timeout}. */
  static boolean answers(InetSocketAddress target, Duration timeout) {
    try (DatagramSocket socket = new DatagramSocket(0, target.getAddress())) {
      socket.setSoTimeout((int) timeout.toMillis());
      String id = UUID.randomUUID().toString();
      String host = target.getAddress().getHostAddress();
      String request =
          "OPTIONS sip:"
              + host
              + ":"
              + target.getPort()
              + " SIP/2.0\r\n"
              + "Via: SIP/2.0/UDP "
              + host
              + ":"
              + socket.getLocalPort()
              + ";branch=z9hG4bK-"
              + id
              + ";rport\r\n"
              + "Max-Forwards: 70\r\n"
              + "From: <sip:health@"
              + host
              + ">;tag="
              + id.substring(0, 8)
              + "\r\n"
              + "To: <sip:"
              + host
              + ">\r\n"
              + "Call-ID: "
              + id
              + "\r\n"
              + "CSeq: 1 OPTIONS\r\n"
              + "User-Agent: Bulwark health check\r\n"
              + "Content-Length: 0\r\n\r\n";
      byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
      socket.send(new DatagramPacket(bytes, bytes.length, target));
      long deadline = System.nanoTime() + timeout.toNanos();
      byte[] buffer = new byte[4096];
      while (System.nanoTime() < deadline) {
        DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
        socket.receive(answer);
        String text = new String(buffer, 0, answer.getLength(), StandardCharsets.US_ASCII);
        if (text.startsWith("SIP/2.0 ") && text.contains(id) && text.charAt(8) >= '2') {
          return true;
        }
      }
      return false;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
