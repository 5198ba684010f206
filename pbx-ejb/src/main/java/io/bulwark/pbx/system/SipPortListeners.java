package io.bulwark.pbx.system;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What follows the SIP ports: the SIP server, which moves its listeners, and the firewall, whose
 * rules for SIP mean its ports. Each registers when it starts.
 */
@ApplicationScoped
public class SipPortListeners {

  private final List<Consumer<SipPorts>> listeners = new CopyOnWriteArrayList<>();

  public void add(Consumer<SipPorts> listener) {
    listeners.add(listener);
  }

  public void remove(Consumer<SipPorts> listener) {
    listeners.remove(listener);
  }

  /**
   * Tells each listener, in the order they registered, on this thread.
   *
   * @throws IllegalStateException from a listener that could not follow
   */
  public void moved(SipPorts ports) {
    for (Consumer<SipPorts> listener : listeners) {
      listener.accept(ports);
    }
  }
}
