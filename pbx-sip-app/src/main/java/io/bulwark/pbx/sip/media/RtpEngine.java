package io.bulwark.pbx.sip.media;

import io.bulwark.pbx.sip.media.RtpEngineException.Kind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The client of rtpengine's NG control protocol: bencoded commands over UDP, each behind a cookie
 * that its answer repeats.
 *
 * <p>Nothing here blocks the caller: each command returns a {@link CompletionStage} that one
 * receiver thread completes when the answer with its cookie arrives. A command unanswered after 500
 * ms is sent again, byte for byte (rtpengine answers a repeated cookie from its cache instead of
 * running the command twice), and fails with {@link Kind#TIMEOUT} 500 ms after its third send, so a
 * caller waits at most 1.5 s for a dead rtpengine. Stages fail with an {@link RtpEngineException},
 * wrapped in a {@link CompletionException} as dependent stages are; they complete on the client's
 * own threads, so a caller keeps what it chains short or chains it with an executor.
 */
public final class RtpEngine implements AutoCloseable {

  static final Duration RETRANSMIT_AFTER = Duration.ofMillis(500);
  static final int SENDS = 3;

  private static final Logger LOG = Logger.getLogger(RtpEngine.class);
  private static final int COOKIE_BYTES = 8;

  private final DatagramChannel channel;
  private final long retransmitMillis;
  private final int sends;
  private final Map<String, Command> pending = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final ScheduledExecutorService timer;
  private final Thread receiver;
  private volatile boolean closed;

  private RtpEngine(DatagramChannel channel, Duration retransmitAfter, int sends) {
    this.channel = channel;
    this.retransmitMillis = retransmitAfter.toMillis();
    this.sends = sends;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "rtpengine-ng-retransmit"));
    this.receiver = daemon(this::receive, "rtpengine-ng-receiver");
    receiver.start();
  }

  /** A client of the rtpengine these settings name. */
  public static RtpEngine open(RtpEngineSettings settings) throws IOException {
    return open(settings.ngAddress(), RETRANSMIT_AFTER, SENDS);
  }

  static RtpEngine open(InetSocketAddress ng, Duration retransmitAfter, int sends)
      throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    try {
      // Connected, so the kernel drops datagrams from anywhere but rtpengine's NG address.
      channel.connect(ng);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    return new RtpEngine(channel, retransmitAfter, sends);
  }

  /** Completes when rtpengine answers. */
  public CompletionStage<Void> ping() {
    return send("ping", Map.of(), "pong").thenApply(answer -> null);
  }

  /**
   * Anchors the media of a call's offer.
   *
   * @param callId the Call-ID of the dialog the offer is in; later commands name the call by it
   * @param fromTag the tag of the side that made the offer
   * @param toTag the tag of the other side, null for a call's first offer (a re-INVITE names it)
   * @param sdp the offer as that side sent it
   * @return the SDP to send on instead, which points the other side at rtpengine and no longer
   *     carries the attributes that identify the offering phone ({@link IdentifyingAttributes})
   */
  public CompletionStage<byte[]> offer(
      String callId, String fromTag, String toTag, byte[] sdp, MediaOptions options) {
    Map<String, Object> arguments = options.toDictionary();
    arguments.put("call-id", callId);
    arguments.put("from-tag", fromTag);
    if (toTag != null) {
      arguments.put("to-tag", toTag);
    }
    arguments.put("sdp", IdentifyingAttributes.removedFrom(sdp));
    return send("offer", arguments, "ok").thenApply(answer -> sdp("offer", answer));
  }

  /**
   * Anchors the media of the answer to an {@link #offer}.
   *
   * @param fromTag the tag of the side that made the offer, as given to {@link #offer}
   * @param toTag the tag of the side that answers
   * @param sdp the answer as that side sent it
   * @return the SDP to send to the offering side instead
   */
  public CompletionStage<byte[]> answer(
      String callId, String fromTag, String toTag, byte[] sdp, MediaOptions options) {
    Map<String, Object> arguments = options.toDictionary();
    arguments.put("call-id", callId);
    arguments.put("from-tag", fromTag);
    arguments.put("to-tag", toTag);
    arguments.put("sdp", IdentifyingAttributes.removedFrom(sdp));
    return send("answer", arguments, "ok").thenApply(answer -> sdp("answer", answer));
  }

  /** Ends the relay of the call that the offer with this from-tag began, and frees its ports. */
  public CompletionStage<Void> delete(String callId, String fromTag) {
    return send("delete", Map.of("call-id", callId, "from-tag", fromTag), "ok")
        .thenApply(answer -> null);
  }

  /**
   * Plays {@code audio} (a sound file's bytes, such as a WAV) once to the party {@code toTag}
   * names, in the codec it talks.
   */
  public CompletionStage<Void> playMedia(String callId, String toTag, byte[] audio) {
    return send("play media", Map.of("call-id", callId, "from-tag", toTag, "blob", audio), "ok")
        .thenApply(answer -> null);
  }

  /** Stops what {@link #playMedia} plays to {@code toTag}. */
  public CompletionStage<Void> stopMedia(String callId, String toTag) {
    return send("stop media", Map.of("call-id", callId, "from-tag", toTag), "ok")
        .thenApply(answer -> null);
  }

  /** What rtpengine relayed for the call so far. */
  public CompletionStage<MediaTotals> query(String callId) {
    return send("query", Map.of("call-id", callId), "ok").thenApply(RtpEngine::totals);
  }

  /** Closes the socket, fails what is still unanswered and stops the client's threads. */
  @Override
  public void close() {
    closed = true;
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("Closing the NG socket failed", e);
    }
    timer.shutdownNow();
    pending.values().forEach(command -> command.fail(Kind.CLOSED, null));
    try {
      receiver.join(TimeUnit.SECONDS.toMillis(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private CompletableFuture<Map<?, ?>> send(
      String name, Map<String, Object> arguments, String success) {
    Map<String, Object> message = new LinkedHashMap<>(arguments);
    message.put("command", name);
    byte[] body = Bencode.encode(message);
    if (body.length + 2 * COOKIE_BYTES + 1 > Bencode.MAX_INPUT) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("the " + name + " command does not fit in a datagram"));
    }
    Command command = new Command(name, success, cookie(), body);
    while (pending.putIfAbsent(command.cookie, command) != null) {
      command = new Command(name, success, cookie(), body);
    }
    Command registered = command;
    registered.answer.whenComplete((answer, failure) -> finish(registered));
    if (closed) {
      // close() may have swept the pending commands before this one was added.
      registered.fail(Kind.CLOSED, null);
      return registered.answer;
    }
    try {
      registered.retransmission =
          timer.scheduleAtFixedRate(
              () -> retransmit(registered),
              retransmitMillis,
              retransmitMillis,
              TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      registered.fail(Kind.CLOSED, null);
      return registered.answer;
    }
    write(registered);
    return registered.answer;
  }

  private void finish(Command command) {
    pending.remove(command.cookie);
    ScheduledFuture<?> retransmission = command.retransmission;
    if (retransmission != null) {
      retransmission.cancel(false);
    }
  }

  private void retransmit(Command command) {
    if (command.answer.isDone()) {
      finish(command);
    } else if (command.sent.get() < sends) {
      write(command);
    } else {
      command.fail(Kind.TIMEOUT, null);
    }
  }

  private void write(Command command) {
    command.sent.incrementAndGet();
    try {
      channel.write(ByteBuffer.wrap(command.datagram));
    } catch (IOException e) {
      // Lost like a datagram on the way: the next retransmission or the timeout decides.
      LOG.debugf("Sending the %s command failed: %s", command.name, e);
    }
  }

  private void receive() {
    ByteBuffer buffer = ByteBuffer.allocate(Bencode.MAX_INPUT);
    while (!closed) {
      buffer.clear();
      try {
        channel.read(buffer);
      } catch (PortUnreachableException e) {
        // Nothing listens on the NG port (yet): retransmissions and the timeout decide.
        continue;
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        LOG.debugf("Receiving from rtpengine failed: %s", e);
        continue;
      }
      accept(buffer.array(), buffer.position());
    }
  }

  private void accept(byte[] datagram, int length) {
    int space = 0;
    while (space < length && datagram[space] != ' ') {
      space++;
    }
    if (space == length) {
      return;
    }
    // An unknown cookie is a second answer to a retransmitted command, already taken.
    Command command = pending.get(new String(datagram, 0, space, StandardCharsets.US_ASCII));
    if (command == null) {
      return;
    }
    Object decoded;
    try {
      decoded = Bencode.decode(datagram, space + 1, length - space - 1);
    } catch (MalformedBencodeException e) {
      command.fail(Kind.MALFORMED, null);
      return;
    }
    if (!(decoded instanceof Map<?, ?> answer)) {
      command.fail(Kind.MALFORMED, null);
      return;
    }
    String result = text(answer.get("result"));
    String warning = text(answer.get("warning"));
    if (warning != null) {
      LOG.warnf(
          "rtpengine warns of the %s command: %s",
          command.name, RtpEngineException.printable(warning));
    }
    if (command.success.equals(result)) {
      command.answer.complete(answer);
    } else if ("error".equals(result)) {
      command.fail(Kind.REFUSED, text(answer.get("error-reason")));
    } else {
      command.fail(result == null ? Kind.MALFORMED : Kind.REFUSED, result);
    }
  }

  private static byte[] sdp(String name, Map<?, ?> answer) {
    if (answer.get("sdp") instanceof byte[] sdp) {
      return sdp;
    }
    throw new CompletionException(new RtpEngineException(Kind.MALFORMED, name));
  }

  private static MediaTotals totals(Map<?, ?> answer) {
    if (answer.get("totals") instanceof Map<?, ?> totals
        && totals.get("RTP") instanceof Map<?, ?> rtp
        && totals.get("RTCP") instanceof Map<?, ?> rtcp
        && rtp.get("packets") instanceof Long rtpPackets
        && rtp.get("bytes") instanceof Long rtpBytes
        && rtcp.get("packets") instanceof Long rtcpPackets) {
      return new MediaTotals(rtpPackets, rtpBytes, rtcpPackets);
    }
    throw new CompletionException(new RtpEngineException(Kind.MALFORMED, "query"));
  }

  private static String text(Object value) {
    return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : null;
  }

  private String cookie() {
    byte[] bytes = new byte[COOKIE_BYTES];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  /** One command on its way: what to send again, and what completes when its answer comes. */
  private static final class Command {

    final String name;
    final String success;
    final String cookie;
    final byte[] datagram;
    final CompletableFuture<Map<?, ?>> answer = new CompletableFuture<>();
    final AtomicInteger sent = new AtomicInteger();
    volatile ScheduledFuture<?> retransmission;

    Command(String name, String success, String cookie, byte[] body) {
      this.name = name;
      this.success = success;
      this.cookie = cookie;
      byte[] prefix = (cookie + " ").getBytes(StandardCharsets.US_ASCII);
      this.datagram = new byte[prefix.length + body.length];
      System.arraycopy(prefix, 0, datagram, 0, prefix.length);
      System.arraycopy(body, 0, datagram, prefix.length, body.length);
    }

    void fail(Kind kind, String reason) {
      answer.completeExceptionally(new RtpEngineException(kind, name, reason));
    }
  }
}
