package io.bulwark.pbx.certificate;

import io.bulwark.pbx.system.Management;
import java.io.IOException;
import org.jboss.dmr.ModelNode;

/**
 * Makes WildFly's HTTPS listener read its key store again, so that it presents a new certificate
 * without a restart, through the server's management interface. The resources' names are those
 * configure-bulwark.cli gives them.
 */
final class WebTls {

  private static final String KEY_STORE = "bulwarkKS";
  private static final String KEY_MANAGER = "bulwarkKM";

  /** Loads the key store file again and makes the key manager use what it now holds. */
  void reload() throws IOException {
    try (Management management = Management.connect()) {
      run(management, "key-store", KEY_STORE, "load");
      run(management, "key-manager", KEY_MANAGER, "init");
    }
  }

  private static void run(Management management, String type, String name, String operation)
      throws IOException {
    ModelNode request = new ModelNode();
    request.get("operation").set(operation);
    request.get("address").add("subsystem", "elytron").add(type, name);
    management.execute(request);
  }
}
