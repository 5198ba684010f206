package io.bulwark.pbx.system;

import java.io.IOException;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.ModelControllerClientConfiguration;
import org.jboss.dmr.ModelNode;

/**
 * WildFly's management interface on loopback ({@code BULWARK_MANAGEMENT_PORT}, 9990 without it),
 * asked as the local user the server trusts: the JBOSS-LOCAL-USER mechanism, which only a process
 * of the same host and user passes.
 */
public final class Management implements AutoCloseable {

  private static final int TIMEOUT_MILLIS = 10_000;

  private final ModelControllerClient client;

  private Management(ModelControllerClient client) {
    this.client = client;
  }

  public static int port() {
    return EnvironmentPort.of("BULWARK_MANAGEMENT_PORT", 9990);
  }

  public static Management connect() {
    return new Management(
        ModelControllerClient.Factory.create(
            new ModelControllerClientConfiguration.Builder()
                .setProtocol("remote+http")
                .setHostName("127.0.0.1")
                .setPort(port())
                .setConnectionTimeout(TIMEOUT_MILLIS)
                .build()));
  }

  /**
   * Runs one operation.
   *
   * @return its result
   * @throws IOException when the server cannot be asked or the operation fails
   */
  public ModelNode execute(ModelNode request) throws IOException {
    ModelNode answer = client.execute(request);
    if (!"success".equals(answer.get("outcome").asString())) {
      throw new IOException(
          request.get("operation").asString() + ": " + answer.get("failure-description"));
    }
    return answer.get("result");
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
