package io.bulwark.pbx.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.dmr.ModelNode;
import org.jboss.dmr.Property;

/**
 * WildFly's HTTP and HTTPS listeners, moved through its management interface while they serve. A
 * new port gets a listener of its own beside the one in force, with the same settings and a socket
 * binding named after it; the move is finished by closing the listeners on the other ports, so the
 * browser that confirmed it from the new port never loses its connection. The HTTPS port Bulwark
 * started on stays open until the next start, for the sign-in pages only. Removing a listener needs
 * {@code allow-resource-service-restart}, or WildFly would only close it at the next reload.
 */
final class WebListeners {

  private static final String BINDING_PREFIX = "bulwark-";

  private enum Kind {
    HTTP("http-listener", "http"),
    HTTPS("https-listener", "https");

    private final String type;
    private final String scheme;

    Kind(String type, String scheme) {
      this.type = type;
      this.scheme = scheme;
    }

    int port(WebPorts ports) {
      return this == HTTP ? ports.http() : ports.https();
    }
  }

  /** A listener as WildFly has it: its own settings, with the socket binding it listens on. */
  private record Listener(Kind kind, String name, ModelNode settings, int port) {
    String binding() {
      return settings.get("socket-binding").asString();
    }
  }

  private final Management management;

  WebListeners(Management management) {
    this.management = management;
  }

  /** Listens on the ports of {@code next} too, beside the listeners on {@code now}'s. */
  void open(WebPorts now, WebPorts next) throws IOException {
    List<Listener> listeners = listeners();
    Listener https = find(listeners, Kind.HTTPS, next.https());
    String httpsBinding =
        https != null
            ? https.binding()
            : add(on(listeners, Kind.HTTPS, now.https()), next.https(), null);
    if (find(listeners, Kind.HTTP, next.http()) == null) {
      add(on(listeners, Kind.HTTP, now.http()), next.http(), httpsBinding);
    }
  }

  /**
   * Keeps the listeners on {@code ports} only, with the one serving sign-ins ({@link
   * WebPorts#signInPort()}) until the next start, and HTTP sending browsers to the HTTPS port kept:
   * how a move is finished, and how one is undone.
   */
  void keepOnly(WebPorts ports) throws IOException {
    List<Listener> all = listeners();
    // Nothing is closed unless both ports kept have their listener: the portal must stay reachable.
    on(all, Kind.HTTPS, ports.https());
    on(all, Kind.HTTP, ports.http());
    for (Listener listener : all) {
      boolean kept =
          listener.port() == listener.kind().port(ports)
              || (listener.kind() == Kind.HTTPS && listener.port() == WebPorts.signInPort());
      if (!kept) {
        execute(restarting(operation("remove", listenerAddress(listener.kind(), listener.name()))));
      }
    }
    List<Listener> kept = listeners();
    String httpsBinding = on(kept, Kind.HTTPS, ports.https()).binding();
    Listener http = on(kept, Kind.HTTP, ports.http());
    if (!httpsBinding.equals(http.settings().get("redirect-socket").asStringOrNull())) {
      // The listener reads its redirect port when it starts, so it starts again, on its own port.
      ModelNode settings = http.settings().clone();
      settings.get("redirect-socket").set(httpsBinding);
      execute(restarting(operation("remove", listenerAddress(Kind.HTTP, http.name()))));
      execute(restarting(adding(listenerAddress(Kind.HTTP, http.name()), settings)));
    }
    for (Property binding : management.execute(bindings()).asPropertyList()) {
      String name = binding.getName();
      boolean used = kept.stream().anyMatch(listener -> listener.binding().equals(name));
      if (name.startsWith(BINDING_PREFIX) && !used) {
        execute(restarting(operation("remove", bindingAddress(name))));
      }
    }
  }

  /** Adds a listener like {@code model} on {@code port}; returns its socket binding's name. */
  private String add(Listener model, int port, String redirectSocket) throws IOException {
    String binding = BINDING_PREFIX + model.kind().scheme + "-" + port;
    ModelNode socket = new ModelNode();
    socket.get("port").set(port);
    ModelNode modelSocket =
        management.execute(operation("read-resource", bindingAddress(model.binding())));
    if (modelSocket.hasDefined("interface")) {
      socket.get("interface").set(modelSocket.get("interface"));
    }
    execute(adding(bindingAddress(binding), socket));
    ModelNode settings = model.settings().clone();
    settings.get("socket-binding").set(binding);
    if (redirectSocket != null) {
      settings.get("redirect-socket").set(redirectSocket);
    }
    execute(adding(listenerAddress(model.kind(), model.kind().scheme + "-" + port), settings));
    return binding;
  }

  private List<Listener> listeners() throws IOException {
    List<Listener> found = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      ModelNode read = operation("read-children-resources", server());
      read.get("child-type").set(kind.type);
      read.get("include-defaults").set(false);
      for (Property listener : management.execute(read).asPropertyList()) {
        ModelNode settings = listener.getValue();
        ModelNode port =
            operation("read-attribute", bindingAddress(settings.get("socket-binding").asString()));
        port.get("name").set("port");
        port.get("resolve-expressions").set(true);
        found.add(
            new Listener(kind, listener.getName(), settings, management.execute(port).asInt()));
      }
    }
    return found;
  }

  private static Listener on(List<Listener> listeners, Kind kind, int port) throws IOException {
    Listener found = find(listeners, kind, port);
    if (found == null) {
      throw new IOException("No " + kind.type + " listens on port " + port);
    }
    return found;
  }

  private static Listener find(List<Listener> listeners, Kind kind, int port) {
    return listeners.stream()
        .filter(listener -> listener.kind() == kind && listener.port() == port)
        .findFirst()
        .orElse(null);
  }

  private void execute(ModelNode operation) throws IOException {
    management.execute(operation);
  }

  private static ModelNode server() {
    ModelNode address = new ModelNode();
    address.add("subsystem", "undertow").add("server", "default-server");
    return address;
  }

  private static ModelNode listenerAddress(Kind kind, String name) {
    return server().add(kind.type, name);
  }

  private static ModelNode bindingAddress(String name) {
    ModelNode address = new ModelNode();
    address.add("socket-binding-group", "standard-sockets").add("socket-binding", name);
    return address;
  }

  private static ModelNode bindings() {
    ModelNode address = new ModelNode();
    address.add("socket-binding-group", "standard-sockets");
    ModelNode read = operation("read-children-resources", address);
    read.get("child-type").set("socket-binding");
    return read;
  }

  private static ModelNode adding(ModelNode address, ModelNode settings) {
    ModelNode add = operation("add", address);
    for (Property setting : settings.asPropertyList()) {
      if (setting.getValue().isDefined()) {
        add.get(setting.getName()).set(setting.getValue());
      }
    }
    return add;
  }

  private static ModelNode restarting(ModelNode operation) {
    operation.get("operation-headers", "allow-resource-service-restart").set(true);
    return operation;
  }

  private static ModelNode operation(String name, ModelNode address) {
    ModelNode operation = new ModelNode();
    operation.get("operation").set(name);
    operation.get("address").set(address);
    return operation;
  }
}
