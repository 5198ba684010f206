package io.bulwark.sip;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Raw SIP over loopback sockets, and the checks every response must pass. */
final class WireProbe {

  private static final Pattern STATUS_LINE =
      Pattern.compile("^SIP/2\\.0 (\\d{3}) ([^\\r\\n]*)\\r\\n");
  private static final Pattern OBJECT_ID = Pattern.compile("[\\w.$\\[]+@[0-9a-f]{4,}\\b");

  private WireProbe() {}

  static InetAddress loopback(int last) throws IOException {
    return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
  }

  /** The status of {@code response} after asserting that it is well formed and leaks nothing. */
  static int wellFormedStatus(String response) {
    Matcher m = STATUS_LINE.matcher(response);
    assertTrue(m.find(), "status line: " + response);
    String reason = m.group(2);
    assertTrue(
        reason.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f), "reason phrase: " + reason);
    assertFalse(OBJECT_ID.matcher(response).find(), "object id in: " + response);
    for (String leak : new String[] {"Exception", "gov.nist", "java."}) {
      assertFalse(response.contains(leak), leak + " in: " + response);
    }
    assertTrue(response.contains("\r\n\r\n"), "header end: " + response);
    return Integer.parseInt(m.group(1));
  }

  static String options(String transport, String hostPort, String callId) {
    return "OPTIONS sip:probe@127.0.0.1 SIP/2.0\r\n"
        + "Via: SIP/2.0/"
        + transport
        + " "
        + hostPort
        + ";branch=z9hG4bK"
        + callId
        + "\r\n"
        + "From: <sip:probe@127.0.0.1>;tag=p\r\n"
        + "To: <sip:probe@127.0.0.1>\r\n"
        + "Call-ID: "
        + callId
        + "\r\n"
        + "CSeq: 1 OPTIONS\r\n"
        + "Max-Forwards: 70\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  /** The next response over UDP whose Call-ID is {@code callId}, or null after {@code millis}. */
  static String receiveUdp(DatagramSocket socket, String callId, int millis) throws IOException {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    byte[] buffer = new byte[65_536];
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return null;
      }
      socket.setSoTimeout((int) left);
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (SocketTimeoutException e) {
        return null;
      }
      String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
      if (text.contains(callId)) {
        return text;
      }
    }
  }

  static void sendUdp(DatagramSocket socket, byte[] bytes, int port) throws IOException {
    socket.send(new DatagramPacket(bytes, bytes.length, loopback(1), port));
  }

  static Socket connect(InetAddress from, int port) throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(from, 0));
    socket.connect(new InetSocketAddress(loopback(1), port), 2_000);
    return socket;
  }

  /** One response from a stream, or null if none arrives within {@code millis}. */
  static String receiveTcp(Socket socket, int millis) throws IOException {
    socket.setSoTimeout(millis);
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      int b;
      while ((b = in.read()) != -1) {
        out.write(b);
        String text = out.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end >= 0) {
          Matcher length =
              Pattern.compile("(?i)\\r\\n(?:content-length|l)\\s*:\\s*(\\d+)").matcher(text);
          int body = length.find() ? Integer.parseInt(length.group(1)) : 0;
          in.readNBytes(body);
          return text;
        }
      }
    } catch (SocketTimeoutException e) {
      return null;
    }
    return null;
  }
}
