package io.bulwark.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Asks the suite's rtpengine (the one {@code ./bulwark test} started, whose NG port WildFly uses
 * too) what it relays, over its NG protocol: bencoded dictionaries behind a cookie, over UDP on
 * loopback. Reading commands ({@code list}, {@code query}), and one offer of a call of its own that
 * it deletes at once.
 */
public final class RtpEngineControl {

  /** One direction of a call's media as rtpengine sees it: what one phone sent to the relay. */
  public record Stream(String tag, String endpoint, int relayPort, long packets) {}

  private RtpEngineControl() {}

  public static int portMin() {
    return TestEnvironment.port("BULWARK_RTPENGINE_PORT_MIN", 41000);
  }

  public static int portMax() {
    return TestEnvironment.port("BULWARK_RTPENGINE_PORT_MAX", 41999);
  }

  /** The Call-IDs of the calls rtpengine relays now. */
  public static List<String> calls() {
    List<String> ids = new ArrayList<>();
    if (command(Map.of("command", "list")).get("calls") instanceof List<?> calls) {
      calls.forEach(id -> ids.add((String) id));
    }
    return ids;
  }

  /**
   * The RTP streams of a call: for each party (rtpengine's tag), where it sends from, the relay
   * port it sends to, and how many packets rtpengine received from it.
   */
  public static List<Stream> rtpStreams(String callId) {
    Map<?, ?> answer = command(Map.of("command", "query", "call-id", callId));
    List<Stream> streams = new ArrayList<>();
    if (!(answer.get("tags") instanceof Map<?, ?> tags)) {
      throw new AssertionError("rtpengine's query answer has no tags: " + answer);
    }
    for (Map.Entry<?, ?> tag : tags.entrySet()) {
      for (Object media : (List<?>) ((Map<?, ?>) tag.getValue()).get("medias")) {
        for (Object each : (List<?>) ((Map<?, ?>) media).get("streams")) {
          Map<?, ?> stream = (Map<?, ?>) each;
          if (!((List<?>) stream.get("flags")).contains("RTP")) {
            continue;
          }
          Map<?, ?> endpoint = (Map<?, ?>) stream.get("endpoint");
          streams.add(
              new Stream(
                  (String) tag.getKey(),
                  endpoint.get("address") + ":" + endpoint.get("port"),
                  ((Long) stream.get("local port")).intValue(),
                  (Long) ((Map<?, ?>) stream.get("stats")).get("packets")));
        }
      }
    }
    return streams;
  }

  /**
   * The relay port rtpengine gives the audio of a new call now: it is offered a call of this test's
   * own (its Call-ID unique), and the call is deleted again.
   */
  public static int offeredPort() {
    String callId = "rtp-range-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    String sdp =
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    Map<?, ?> answer =
        command(Map.of("command", "offer", "call-id", callId, "from-tag", "probe", "sdp", sdp));
    try {
      java.util.regex.Matcher port =
          java.util.regex.Pattern.compile("(?m)^m=audio (\\d+) ")
              .matcher(String.valueOf(answer.get("sdp")));
      if (!port.find()) {
        throw new AssertionError("rtpengine's offer answer has no audio port: " + answer);
      }
      return Integer.parseInt(port.group(1));
    } finally {
      command(Map.of("command", "delete", "call-id", callId, "from-tag", "probe"));
    }
  }

  /** Sends one command (three times at most, 1 s apart) and returns rtpengine's answer. */
  static Map<?, ?> command(Map<String, Object> command) {
    String cookie = Long.toHexString(ThreadLocalRandom.current().nextLong());
    ByteArrayOutputStream datagram = new ByteArrayOutputStream();
    datagram.writeBytes((cookie + " ").getBytes(StandardCharsets.US_ASCII));
    encode(command, datagram);
    byte[] request = datagram.toByteArray();
    InetSocketAddress ng =
        new InetSocketAddress(
            InetAddress.getLoopbackAddress(),
            TestEnvironment.port("BULWARK_RTPENGINE_NG_PORT", 12223));
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      socket.setSoTimeout(1_000);
      byte[] buffer = new byte[65_535];
      for (int attempt = 0; attempt < 3; attempt++) {
        socket.send(new DatagramPacket(request, request.length, ng));
        try {
          while (true) {
            DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
            socket.receive(answer);
            String text = new String(buffer, 0, answer.getLength(), StandardCharsets.ISO_8859_1);
            if (text.startsWith(cookie + " ")) {
              int[] position = {cookie.length() + 1};
              Map<?, ?> decoded = (Map<?, ?>) decode(buffer, position);
              if (!"ok".equals(decoded.get("result"))) {
                throw new AssertionError(
                    "rtpengine refused " + command.get("command") + ": " + decoded);
              }
              return decoded;
            }
          }
        } catch (SocketTimeoutException e) {
          // Sent again below.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("rtpengine did not answer on " + ng);
  }

  private static void encode(Object value, ByteArrayOutputStream out) {
    if (value instanceof String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(bytes);
    } else if (value instanceof Number number) {
      out.writeBytes(("i" + number.longValue() + "e").getBytes(StandardCharsets.US_ASCII));
    } else if (value instanceof List<?> list) {
      out.write('l');
      list.forEach(item -> encode(item, out));
      out.write('e');
    } else if (value instanceof Map<?, ?> map) {
      out.write('d');
      new TreeMap<>(map)
          .forEach(
              (key, item) -> {
                encode(key, out);
                encode(item, out);
              });
      out.write('e');
    } else {
      throw new IllegalArgumentException("not bencodable: " + value);
    }
  }

  /** Decodes what rtpengine sends (trusted, loopback): strings as UTF-8. */
  private static Object decode(byte[] in, int[] position) {
    byte first = in[position[0]];
    if (first == 'i') {
      int end = indexOf(in, (byte) 'e', position[0]);
      long number =
          Long.parseLong(
              new String(in, position[0] + 1, end - position[0] - 1, StandardCharsets.US_ASCII));
      position[0] = end + 1;
      return number;
    }
    if (first == 'l') {
      position[0]++;
      List<Object> list = new ArrayList<>();
      while (in[position[0]] != 'e') {
        list.add(decode(in, position));
      }
      position[0]++;
      return list;
    }
    if (first == 'd') {
      position[0]++;
      Map<String, Object> map = new LinkedHashMap<>();
      while (in[position[0]] != 'e') {
        String key = (String) decode(in, position);
        map.put(key, decode(in, position));
      }
      position[0]++;
      return map;
    }
    int colon = indexOf(in, (byte) ':', position[0]);
    int length =
        Integer.parseInt(
            new String(in, position[0], colon - position[0], StandardCharsets.US_ASCII));
    position[0] = colon + 1 + length;
    return new String(in, colon + 1, length, StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] in, byte wanted, int from) {
    for (int i = from; i < in.length; i++) {
      if (in[i] == wanted) {
        return i;
      }
    }
    throw new IllegalArgumentException("truncated bencode");
  }
}
