package io.bulwark.pbx.certificate;

import java.io.IOException;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.ModelControllerClientConfiguration;
import org.jboss.dmr.ModelNode;

/**
 * Makes WildFly's HTTPS listener read its key store again, so that it presents a new certificate
 * without a restart. It asks the server's management interface on loopback, as the local user the
 * server trusts (the JBOSS-LOCAL-USER mechanism, which only a process of the same host and user
 * passes). The resources' names are those configure-bulwark.cli gives them.
 */
final class WebTls {

  private static final String KEY_STORE = "bulwarkKS";
  private static final String KEY_MANAGER = "bulwarkKM";
  private static final int TIMEOUT_MILLIS = 10_000;

  private final int managementPort;

  WebTls(int managementPort) {
    this.managementPort = managementPort;
  }

  /** From the launcher's {@code BULWARK_MANAGEMENT_PORT}, 9990 without it. */
  static WebTls fromEnvironment() {
    String port = System.getenv("BULWARK_MANAGEMENT_PORT");
    return new WebTls(port == null || port.isBlank() ? 9990 : Integer.parseInt(port.strip()));
  }

  /** Loads the key store file again and makes the key manager use what it now holds. */
  void reload() throws IOException {
    ModelControllerClientConfiguration configuration =
        new ModelControllerClientConfiguration.Builder()
            .setProtocol("remote+http")
            .setHostName("127.0.0.1")
            .setPort(managementPort)
            .setConnectionTimeout(TIMEOUT_MILLIS)
            .build();
    try (ModelControllerClient client = ModelControllerClient.Factory.create(configuration)) {
      run(client, "key-store", KEY_STORE, "load");
      run(client, "key-manager", KEY_MANAGER, "init");
    }
  }

  private static void run(ModelControllerClient client, String type, String name, String operation)
      throws IOException {
    ModelNode request = new ModelNode();
    request.get("operation").set(operation);
    request.get("address").add("subsystem", "elytron").add(type, name);
    ModelNode result = client.execute(request);
    if (!"success".equals(result.get("outcome").asString())) {
      throw new IOException(
          type + " " + name + " " + operation + ": " + result.get("failure-description"));
    }
  }
}
