package io.bulwark.pbx.sip.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The keys callers press, as rtpengine reports them: it sends one JSON datagram per RFC 4733
 * telephone event it relayed ({@code --dtmf-log-dest}), naming the call, the party that pressed
 * ({@code source_tag}) and the key ({@code event}: 0 to 9, 10 for *, 11 for #). A party that waits
 * for keys registers; datagrams for no one, or from anywhere but loopback, are dropped.
 */
public final class DtmfEvents implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DtmfEvents.class);
  private static final Pattern CALL_ID =
      Pattern.compile("\"callid\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern SOURCE_TAG =
      Pattern.compile("\"source_tag\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern TAGS = Pattern.compile("\"tags\"\\s*:\\s*\\[([^\\]]*)\\]");
  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern EVENT = Pattern.compile("\"event\"\\s*:\\s*(\\d{1,2})[,}\\s]");

  /** The key of an RFC 4733 event number: 0-9, *, #, A-D. */
  public static final String KEYS = "0123456789*#ABCD";

  private final DatagramChannel channel;
  private final Map<String, IntConsumer> listeners = new ConcurrentHashMap<>();
  private final Thread receiver;

  private DtmfEvents(DatagramChannel channel) {
    this.channel = channel;
    this.receiver = new Thread(this::receive, "rtpengine-dtmf-receiver");
    receiver.setDaemon(true);
    receiver.start();
  }

  /** Listens on {@code address}, where rtpengine's {@code --dtmf-log-dest} points. */
  public static DtmfEvents listen(InetSocketAddress address) throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    try {
      channel.bind(address);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    return new DtmfEvents(channel);
  }

  /** Where it listens. */
  public InetSocketAddress address() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  /**
   * Tells {@code keys} of each key the party {@code tag} of call {@code callId} presses, as its
   * character of {@link #KEYS}, until the registration is closed.
   */
  public AutoCloseable onKeys(String callId, String tag, IntConsumer keys) {
    String key = callId + "\n" + tag;
    listeners.put(key, keys);
    return () -> listeners.remove(key, keys);
  }

  private void receive() {
    ByteBuffer buffer = ByteBuffer.allocate(4096);
    while (channel.isOpen()) {
      try {
        buffer.clear();
        SocketAddress from = channel.receive(buffer);
        if (!(from instanceof InetSocketAddress source)
            || !source.getAddress().isLoopbackAddress()) {
          continue;
        }
        buffer.flip();
        dispatch(StandardCharsets.UTF_8.decode(buffer).toString());
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException | RuntimeException e) {
        LOG.debugf(e, "A DTMF report was not read");
      }
    }
  }

  void dispatch(String json) {
    Matcher callId = CALL_ID.matcher(json);
    Matcher tag = SOURCE_TAG.matcher(json);
    Matcher event = EVENT.matcher(json);
    if (!callId.find() || !tag.find() || !event.find()) {
      return;
    }
    int code = Integer.parseInt(event.group(1));
    String call = unescaped(callId.group(1));
    IntConsumer listener = listeners.get(call + "\n" + unescaped(tag.group(1)));
    if (listener == null && tag.group(1).isEmpty()) {
      // A source rtpengine has not tied to a party: the party of the call that listens, when the
      // report's tags name it.
      Matcher tags = TAGS.matcher(json);
      if (tags.find()) {
        Matcher each = QUOTED.matcher(tags.group(1));
        while (listener == null && each.find()) {
          listener = listeners.get(call + "\n" + unescaped(each.group(1)));
        }
      }
    }
    if (listener != null && code < KEYS.length()) {
      listener.accept(KEYS.charAt(code));
    }
  }

  private static String unescaped(String json) {
    return json.replaceAll("\\\\(.)", "$1");
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("Closing the DTMF socket failed", e);
    }
  }
}
