package io.bulwark.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Sends one hand-written SIP request over UDP, for messages no well-behaved client sends. */
public final class RawSip {

  private RawSip() {}

  /**
   * Sends {@code message} (with {@code $PORT} replaced by the local port) from {@code source} to
   * the suite's PBX and returns the answer, or {@code null} when none came within two seconds.
   */
  public static String exchange(String source, String message) {
    return exchange(source, message, TestEnvironment.sipPort());
  }

  /** As {@link #exchange(String, String)}, to the PBX's SIP port {@code port}. */
  public static String exchange(String source, String message, int port) {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(source, 0))) {
      socket.setSoTimeout(2_000);
      byte[] out =
          message
              .replace("$PORT", Integer.toString(socket.getLocalPort()))
              .replace("\n", "\r\n")
              .getBytes(StandardCharsets.UTF_8);
      socket.send(new DatagramPacket(out, out.length, InetAddress.getByName("127.0.0.1"), port));
      byte[] in = new byte[65_536];
      DatagramPacket answer = new DatagramPacket(in, in.length);
      socket.receive(answer);
      return new String(in, 0, answer.getLength(), StandardCharsets.UTF_8);
    } catch (SocketTimeoutException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
