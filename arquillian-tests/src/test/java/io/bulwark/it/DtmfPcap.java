package io.bulwark.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keys as RFC 4733 telephone events (payload type 101) in a pcap file, for sipp's {@code
 * play_pcap_audio}: each key three updates and three end packets 20 ms apart, keys 200 ms apart,
 * one RTP stream with rising sequence numbers and a timestamp of its own per key, as a phone sends
 * them. (The pcaps sipp ships hold one key each, all with the same timestamp and sequence.)
 */
final class DtmfPcap {

  private static final String KEYS = "0123456789*#";

  private DtmfPcap() {}

  static Path write(Path file, String keys) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0);
    header.putInt(65535).putInt(1);
    out.write(header.array());
    int sequence = 1;
    long micros = 0;
    for (int k = 0; k < keys.length(); k++) {
      int event = KEYS.indexOf(keys.charAt(k));
      long timestamp = 8000L + 1600L * k;
      for (int i = 0; i < 6; i++) {
        boolean end = i >= 3;
        int duration = 160 * Math.min(i + 1, 4);
        byte[] rtp = new byte[16];
        ByteBuffer r = ByteBuffer.wrap(rtp);
        r.put((byte) 0x80).put((byte) ((i == 0 ? 0x80 : 0) | 101)).putShort((short) sequence++);
        r.putInt((int) timestamp).putInt(0x1f0c5a11);
        r.put((byte) event).put((byte) ((end ? 0x80 : 0) | 10)).putShort((short) duration);
        out.write(packet(micros, rtp));
        micros += 20_000;
      }
      micros += 200_000;
    }
    return Files.write(file, out.toByteArray());
  }

  /** A pcap record: Ethernet, IPv4 and UDP around {@code payload}, on loopback. */
  private static byte[] packet(long micros, byte[] payload) {
    int udpLength = 8 + payload.length;
    int ipLength = 20 + udpLength;
    ByteBuffer frame = ByteBuffer.allocate(14 + ipLength);
    frame.put(new byte[12]).putShort((short) 0x0800);
    frame.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putShort((short) 0);
    frame.putShort((short) 0).put((byte) 64).put((byte) 17).putShort((short) 0);
    frame.put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
    frame.putShort((short) 4000).putShort((short) 5000).putShort((short) udpLength);
    frame.putShort((short) 0).put(payload);
    ByteBuffer record = ByteBuffer.allocate(16 + frame.capacity()).order(ByteOrder.LITTLE_ENDIAN);
    record.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000));
    record.putInt(frame.capacity()).putInt(frame.capacity());
    record.put(frame.array());
    return record.array();
  }
}
