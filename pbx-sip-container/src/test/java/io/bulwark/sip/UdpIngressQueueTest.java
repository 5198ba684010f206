package io.bulwark.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.DatagramPacket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UdpIngressQueueTest {

  private final List<String> refused = new ArrayList<>();

  private UdpIngressQueue queue(int capacity, long underWayMaxWait, long newWorkMaxWait) {
    return new UdpIngressQueue(
        new UdpIngressQueue.Limits(capacity, underWayMaxWait, capacity, newWorkMaxWait, capacity),
        packet -> refused.add(text(packet)));
  }

  /** A datagram in a receive buffer larger than itself, as the socket's thread has it. */
  private static DatagramPacket received(String text) {
    byte[] buffer = new byte[64];
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, buffer, 0, bytes.length);
    return new DatagramPacket(buffer, bytes.length);
  }

  private static String text(DatagramPacket packet) {
    return new String(
        packet.getData(), packet.getOffset(), packet.getLength(), StandardCharsets.US_ASCII);
  }

  private static String next(UdpIngressQueue queue) throws InterruptedException {
    return text(queue.take().packet);
  }

  @Test
  void workUnderWayIsServedBeforeNewWorkThatCameFirst() throws Exception {
    UdpIngressQueue queue = queue(4, 500, 500);

    queue.admit(received("register"), true);
    queue.admit(received("authenticated"), false);

    assertEquals("authenticated", next(queue));
    assertEquals("register", next(queue));
    assertNull(queue.poll(10, TimeUnit.MILLISECONDS));
    assertEquals(2, queue.stats().highWater());
  }

  @Test
  void theQueueKeepsACopyOfJustTheDatagram() throws Exception {
    UdpIngressQueue queue = queue(4, 500, 500);
    DatagramPacket buffer = received("first");

    queue.admit(buffer, true);
    System.arraycopy("XXXXXXXX".getBytes(StandardCharsets.US_ASCII), 0, buffer.getData(), 0, 8);

    DatagramPacket queued = queue.take().packet;
    assertEquals("first", text(queued));
    assertEquals(5, queued.getData().length);
  }

  @Test
  void newWorkFindingItsLaneFullIsRefusedFirstAndWorkUnderWayDropped() throws Exception {
    UdpIngressQueue queue = queue(1, 500, 500);

    queue.admit(received("register-1"), true);
    queue.admit(received("register-2"), true);
    queue.admit(received("register-3"), true);
    queue.admit(received("authenticated-1"), false);
    queue.admit(received("authenticated-2"), false);

    assertEquals(List.of(), refused, "refusing is the stack threads' work");
    assertEquals("authenticated-1", next(queue));
    assertEquals(List.of("register-2"), refused);
    assertEquals("register-1", next(queue));
    UdpIngressStats stats = queue.stats();
    assertEquals(5, stats.received());
    assertEquals(1, stats.refused());
    assertEquals(2, stats.droppedFull(), "register-3 and authenticated-2");
    assertEquals(0, queue.size());
  }

  @Test
  void whatWaitedTooLongIsShedWhenReached() throws Exception {
    UdpIngressQueue queue = queue(4, 20, 20);
    queue.admit(received("late register"), true);
    queue.admit(received("late authenticated"), false);
    Thread.sleep(40);
    queue.admit(received("fresh register"), true);

    assertEquals("fresh register", next(queue));

    assertEquals(List.of("late register"), refused);
    assertEquals(1, queue.stats().droppedStale());
    assertEquals(0, queue.size());
  }

  @Test
  void newWorkThatCannotBeRefusedIsDropped() {
    UdpIngressQueue queue =
        new UdpIngressQueue(new UdpIngressQueue.Limits(1, 500, 1, 500, 1), packet -> false);

    queue.admit(received("register-1"), true);
    queue.admit(received("register-2"), true);
    queue.poll();

    assertEquals(0, queue.stats().refused());
    assertEquals(1, queue.stats().droppedFull());
  }
}
