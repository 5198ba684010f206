package io.bulwark.pbx.sip;

import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.extension.ExtensionDirectory;
import io.bulwark.pbx.extension.RegistrationService;
import io.bulwark.pbx.sip.registrar.DigestVerifier;
import io.bulwark.pbx.sip.registrar.NonceService;
import io.bulwark.pbx.sip.registrar.Registrar;
import io.bulwark.sip.SipContainer;
import io.bulwark.sip.SipRequest;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * Starts SIP when the application deploys and stops it, ports and threads, on undeploy.
 *
 * <p>Binding updates get an executor of their own: each one waits on a database transaction, so
 * throughput is threads divided by database latency, and the server's default executor has only a
 * few threads.
 */
@ManagedExecutorDefinition(name = SipServer.BINDING_WRITER, maxAsync = 16)
@Singleton
@Startup
@DependsOn("pbx-ejb.jar#SchemaMigration")
public class SipServer {

  private static final Logger LOG = Logger.getLogger(SipServer.class);
  private static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

  static final String BINDING_WRITER = "java:app/concurrent/bulwark-binding-writer";

  @Resource(lookup = BINDING_WRITER)
  private ManagedExecutorService bindingWriter;

  @Inject private ExtensionDirectory directory;
  @Inject private RegistrationService registrations;
  @Inject private Event<SecurityEvent> events;
  @Inject private Clock clock;

  private SipContainer container;

  @PostConstruct
  void start() {
    SipSettings settings = SipSettings.fromEnvironment();
    directory.load(settings.realm());
    NonceService nonces = new NonceService(clock, NONCE_LIFETIME);
    DigestVerifier verifier = new DigestVerifier(nonces, clock, settings.realm());
    Registrar registrar =
        new Registrar(
            verifier,
            nonces,
            directory::credentials,
            registrations::register,
            bindingWriter,
            events::fireAsync,
            clock);
    try {
      container =
          SipContainer.builder(settings.containerConfig())
              .handle(Request.REGISTER, registrar::handle)
              .handle(Request.OPTIONS, SipServer::answerOptions)
              .start();
    } catch (SipException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @PreDestroy
  void stop() {
    if (container != null) {
      container.close();
      LOG.info("SIP stopped");
    }
  }

  private static void answerOptions(SipRequest request) {
    request.respond(
        Response.OK,
        response -> {
          try {
            response.addHeader(request.headerFactory().createAllowHeader("REGISTER, OPTIONS"));
            response.addHeader(request.headerFactory().createAcceptHeader("application", "sdp"));
          } catch (ParseException e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
