package io.bulwark.sip.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * An accepted connection that gives its place back to {@link GuardedServerSocket} when it closes,
 * however the stack closes it, and whose input enforces the idle and per-message timeouts.
 */
final class GuardedSocket extends Socket {

  private final TcpLimits limits;
  private final Consumer<InetAddress> onClose;
  private final AtomicBoolean counted = new AtomicBoolean();
  private InputStream input;

  GuardedSocket(TcpLimits limits, Consumer<InetAddress> onClose) {
    this.limits = limits;
    this.onClose = onClose;
  }

  void admitted() {
    counted.set(true);
  }

  void closeUncounted() throws IOException {
    super.close();
  }

  @Override
  public synchronized InputStream getInputStream() throws IOException {
    if (input == null) {
      input = new DeadlineInputStream(super.getInputStream(), this, limits);
    }
    return input;
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      if (counted.compareAndSet(true, false)) {
        onClose.accept(getInetAddress());
      }
    }
  }
}
