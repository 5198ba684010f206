package io.bulwark.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP CONNECT proxy on loopback that opens every tunnel from one given loopback address, so a
 * browser's requests reach Bulwark from that address: a fake attacker with a real browser. It
 * tunnels to loopback only and stops with {@link #close()}.
 */
final class SourceProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final InetAddress source;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  SourceProxy(String source) {
    try {
      this.source = InetAddress.getByName(source);
      if (!this.source.isLoopbackAddress()) {
        throw new IllegalArgumentException(source + " is not a loopback address");
      }
      listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::accept, "source-proxy-" + source);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The proxy's address, as Chromium's {@code --proxy-server} takes it. */
  String address() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        open.add(client);
        Thread tunnel = new Thread(() -> tunnel(client), "source-proxy-tunnel");
        tunnel.setDaemon(true);
        tunnel.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void tunnel(Socket client) {
    try (client) {
      String head = readHead(client.getInputStream());
      String[] request = head.split(" ", 3);
      if (request.length < 2 || !request[0].equals("CONNECT")) {
        reply(client, "405 Method Not Allowed");
        return;
      }
      int colon = request[1].lastIndexOf(':');
      String host = request[1].substring(0, colon);
      InetAddress target =
          host.equals("localhost")
              ? InetAddress.getByName("127.0.0.1")
              : InetAddress.getByName(host);
      if (!target.isLoopbackAddress()) {
        reply(client, "403 Forbidden");
        return;
      }
      try (Socket server = new Socket()) {
        open.add(server);
        server.bind(new InetSocketAddress(source, 0));
        server.connect(
            new InetSocketAddress(target, Integer.parseInt(request[1].substring(colon + 1))), 5000);
        reply(client, "200 Connection established");
        Thread back = new Thread(() -> pipe(server, client), "source-proxy-back");
        back.setDaemon(true);
        back.start();
        pipe(client, server);
        back.join(5000);
      }
    } catch (IOException | RuntimeException e) {
      // The browser or the server closed the tunnel: nothing to do.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(client);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4 && head.size() < 8192) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static void reply(Socket client, String status) throws IOException {
    client
        .getOutputStream()
        .write(("HTTP/1.1 " + status + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
  }

  private static void pipe(Socket from, Socket to) {
    byte[] buffer = new byte[16384];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // One side closed: the other side's pipe ends too.
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // Closing anyway.
    }
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing anyway.
      }
    }
  }
}
