package io.bulwark.pbx.sip;

import io.bulwark.pbx.activity.ActivityService;
import io.bulwark.pbx.callpolicy.CallPolicyTable;
import io.bulwark.pbx.cdr.CallRecords;
import io.bulwark.pbx.cdr.LiveCalls;
import io.bulwark.pbx.defense.DefenseTable;
import io.bulwark.pbx.defense.Firewall;
import io.bulwark.pbx.defense.Protocol;
import io.bulwark.pbx.event.SecurityEventGate;
import io.bulwark.pbx.extension.ExtensionDirectory;
import io.bulwark.pbx.location.LocationService;
import io.bulwark.pbx.notification.NotificationCalls;
import io.bulwark.pbx.routing.RoutingTable;
import io.bulwark.pbx.sip.call.CallRouter;
import io.bulwark.pbx.sip.call.Dialplan;
import io.bulwark.pbx.sip.call.MediaRelay;
import io.bulwark.pbx.sip.call.MessageCall;
import io.bulwark.pbx.sip.media.DtmfEvents;
import io.bulwark.pbx.sip.media.RtpEngine;
import io.bulwark.pbx.sip.media.RtpEngineSettings;
import io.bulwark.pbx.sip.registrar.DigestAuthentication;
import io.bulwark.pbx.sip.registrar.DigestVerifier;
import io.bulwark.pbx.sip.registrar.NonceService;
import io.bulwark.pbx.sip.registrar.Registrar;
import io.bulwark.pbx.sip.trunk.TrunkRegistrations;
import io.bulwark.pbx.system.SipPortListeners;
import io.bulwark.pbx.system.SipPorts;
import io.bulwark.pbx.system.SipPortsService;
import io.bulwark.pbx.system.SipStatus;
import io.bulwark.pbx.trunk.TrunkDirectory;
import io.bulwark.pbx.trunk.TrunkStatusBoard;
import io.bulwark.pbx.trunk.Trunks;
import io.bulwark.sip.SipContainer;
import io.bulwark.sip.SipRequest;
import io.bulwark.sip.SipRequestHandler;
import io.bulwark.sip.SourceGate;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * Starts SIP when the application deploys and stops it, ports and threads, on undeploy. It starts
 * after the location service, the event gate and the call records and stops before them, so the
 * last bindings, events and call records are written after the last request was answered. Calls
 * still up at stop are hung up first, so their parties know and their records say so.
 */
@Singleton
@Startup
@DependsOn({
  "pbx-ejb.jar#SchemaMigration",
  "pbx-ejb.jar#LocationService",
  "pbx-ejb.jar#SecurityEventGate",
  "pbx-ejb.jar#CallRecords",
  "pbx-ejb.jar#TrunkDirectory",
  "pbx-ejb.jar#RoutingTable",
  "pbx-ejb.jar#CallPolicyTable",
  "pbx-ejb.jar#DefenseTable"
})
public class SipServer {

  private static final Logger LOG = Logger.getLogger(SipServer.class);
  private static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);
  private static final int CALLS_ENDING_SECONDS = 3;
  private static final int TRUNK_CHECK_SECONDS = 5;

  @Inject private ExtensionDirectory directory;
  @Inject private LocationService locationService;
  @Inject private SecurityEventGate eventGate;
  @Inject private ActivityService activity;
  @Inject private Clock clock;
  @Inject private SipStatus status;
  @Inject private CallRecords callRecords;
  @Inject private LiveCalls liveCalls;
  @Inject private TrunkDirectory trunkDirectory;
  @Inject private TrunkStatusBoard trunkStatus;
  @Inject private RoutingTable routingTable;
  @Inject private CallPolicyTable callPolicy;
  @Inject private DefenseTable defenses;
  @Inject private NotificationCalls notificationCalls;
  @Inject private SipPortsService sipPorts;
  @Inject private SipPortListeners sipPortListeners;

  /**
   * A thread of our own for the trunks' registration timers and the calls' maximum durations: the
   * server's scheduled executor refuses work once the server begins to suspend, before this bean is
   * told to stop.
   */
  @Resource private ManagedThreadFactory threads;

  private SipContainer container;
  // Sends through the container it handles calls for, so it is made once the container started.
  private volatile CallRouter router;
  private RtpEngine rtpEngine;
  private DtmfEvents keys;
  private ScheduledExecutorService timer;
  private TrunkRegistrations registrations;
  private final Consumer<SipPorts> moveTo = this::moveTo;

  @PostConstruct
  void start() {
    listen(sipPorts.inForce());
    sipPortListeners.add(moveTo);
  }

  /**
   * Closes the listeners and opens them on {@code ports}; calls up are hung up, phones register
   * again at the new port as they are told.
   *
   * @throws IllegalStateException when SIP cannot listen there; it then listens nowhere
   */
  private synchronized void moveTo(SipPorts ports) {
    quiet("SIP ports changed");
    listen(ports);
  }

  private synchronized void listen(SipPorts ports) {
    SipSettings settings = SipSettings.fromEnvironment(ports);
    directory.load(settings.realm());
    NonceService nonces = new NonceService(clock, NONCE_LIFETIME);
    Firewall firewall = defenses.firewall();
    Supplier<Trunks> trunks = trunkDirectory.trunks();
    firewall.trunkPeers(source -> trunks.get().at(source).isPresent());
    DigestAuthentication authentication =
        new DigestAuthentication(
            new DigestVerifier(nonces, settings.realm()),
            nonces,
            directory.lookup(),
            eventGate.throttle()::offer,
            (request, username) ->
                firewall.authenticationFailed(
                    request.source(),
                    protocolOf(request),
                    settings.portOf(request.transport()),
                    username),
            firewall::isLocal,
            activity.sip(),
            clock);
    Registrar registrar =
        new Registrar(
            authentication,
            locationService.locations(),
            activity.sip(),
            eventGate.throttle()::offer,
            clock);
    try {
      container =
          SipContainer.builder(settings.containerConfig())
              .admitOnly(gate(firewall, settings.port()))
              .handleStateless(
                  Request.REGISTER, screened(registrar::handle, firewall, settings.port()))
              .handleStateless(
                  Request.OPTIONS, screened(SipServer::answerOptions, firewall, settings.port()))
              .handleStateless(Request.INVITE, screened(this::routeCall, firewall, settings.port()))
              .start();
      timer = Executors.newSingleThreadScheduledExecutor(threads);
      MediaRelay relay = media();
      Dialplan dialplan =
          new Dialplan(
              directory.callerIdNames(),
              locationService.locations(),
              trunkDirectory.trunks(),
              routingTable.outbound(),
              routingTable.inbound(),
              callPolicy.policy());
      router =
          new CallRouter(
              authentication,
              dialplan,
              container.client(),
              liveCalls,
              callRecords.recorder(),
              clock,
              relay,
              eventGate.throttle()::offer,
              timer);
      notificationCalls.attach(
          new MessageCall.Placer(container.client(), dialplan, relay, timer, settings.realm()));
      registrations =
          new TrunkRegistrations(
              trunkDirectory.trunks(), container.client(), timer, clock, trunkStatus);
      // Trunks change seldom; a look every few seconds follows them without an event of its own.
      timer.scheduleWithFixedDelay(this::followTrunks, 0, TRUNK_CHECK_SECONDS, TimeUnit.SECONDS);
      status.started(
          settings.host(),
          settings.transports().contains("udp") ? settings.port() : 0,
          new ContainerTraffic(container));
    } catch (SipException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private void followTrunks() {
    try {
      registrations.reconcile();
    } catch (RuntimeException e) {
      LOG.errorf(e, "Trunk registrations could not follow the trunks; tried again shortly");
    }
  }

  private void routeCall(SipRequest invite) {
    CallRouter ready = router;
    if (ready == null) {
      invite.respond(Response.SERVICE_UNAVAILABLE);
    } else {
      ready.handle(invite);
    }
  }

  /**
   * Calls' media goes through rtpengine unless {@code BULWARK_MEDIA_ANCHORING} is {@code never}
   * (phones on one LAN, or a benchmark of signalling alone).
   */
  private MediaRelay media() {
    UnaryOperator<String> settings = Settings.environment();
    if ("never".equalsIgnoreCase(Settings.valueOf(settings, "BULWARK_MEDIA_ANCHORING", "always"))) {
      LOG.info("Media anchoring is off: calls' media goes between the phones");
      return MediaRelay.NONE;
    }
    RtpEngineSettings where = RtpEngineSettings.from(settings);
    try {
      rtpEngine = RtpEngine.open(where);
      LOG.infof("Calls' media goes through rtpengine at %s", where.ngAddress());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot reach rtpengine at " + where.ngAddress(), e);
    }
    try {
      keys = DtmfEvents.listen(where.dtmfAddress());
      LOG.infof("rtpengine reports the keys callers press to %s", where.dtmfAddress());
    } catch (IOException e) {
      LOG.warnf(
          "Cannot hear callers' keys at %s (%s): routes that ask for a PIN refuse their calls",
          where.dtmfAddress(), e.getMessage());
    }
    return MediaRelay.through(rtpEngine, keys);
  }

  @PreDestroy
  void stop() {
    sipPortListeners.remove(moveTo);
    quiet("Server stopped");
  }

  /** Hangs up the calls, then stops SIP, ports and threads; {@code why} ends the calls' records. */
  private synchronized void quiet(String why) {
    status.stopped();
    notificationCalls.detach();
    router = null;
    try {
      liveCalls.hangUpAll(why).get(CALLS_ENDING_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warnf("Not every call was hung up before SIP stopped: %s", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
    if (registrations != null) {
      registrations.stopAll();
      registrations = null;
    }
    if (container != null) {
      container.close();
      container = null;
      LOG.info("SIP stopped");
    }
    if (keys != null) {
      keys.close();
      keys = null;
    }
    if (rtpEngine != null) {
      rtpEngine.close();
      rtpEngine = null;
    }
  }

  /**
   * Blocked and refused sources get nothing from SIP: their datagrams and connections are dropped
   * unread. Each datagram and connection counts against the auto defense rules.
   */
  private static SourceGate gate(Firewall firewall, int port) {
    return (source, transport) ->
        firewall.admits(
            source, transport == SourceGate.Transport.UDP ? Protocol.UDP : Protocol.TCP, port);
  }

  /**
   * What the gate cannot see before parsing: each REGISTER, INVITE and OPTIONS on a TCP connection
   * counts against the auto defense rules as a datagram does; a scanner's user agent, or a REGISTER
   * or INVITE naming a decoy extension, blocks its source at once. What is refused here gets no
   * answer.
   */
  private static SipRequestHandler screened(
      SipRequestHandler handler, Firewall firewall, int port) {
    return request -> {
      Protocol protocol = protocolOf(request);
      if (protocol == Protocol.TCP && !firewall.admits(request.source(), protocol, port)) {
        return;
      }
      if (firewall.blocksScanner(request.source(), protocol, port, request.userAgent())) {
        return;
      }
      if (firewall.blocksDecoy(request.source(), protocol, port, namedExtension(request))) {
        return;
      }
      handler.handle(request);
    };
  }

  /** The extension a REGISTER is for (its To), or the one a call or probe asks for. */
  private static String namedExtension(SipRequest request) {
    Request message = request.message();
    URI uri =
        Request.REGISTER.equals(message.getMethod())
            ? ((ToHeader) message.getHeader(ToHeader.NAME)).getAddress().getURI()
            : message.getRequestURI();
    return uri instanceof SipURI sip ? sip.getUser() : null;
  }

  private static Protocol protocolOf(SipRequest request) {
    return "UDP".equals(request.transport()) ? Protocol.UDP : Protocol.TCP;
  }

  private static void answerOptions(SipRequest request) {
    request.respond(
        Response.OK,
        response -> {
          try {
            response.addHeader(
                request
                    .headerFactory()
                    .createAllowHeader(
                        "INVITE, ACK, CANCEL, BYE, UPDATE, INFO, REGISTER, OPTIONS"));
            response.addHeader(request.headerFactory().createAcceptHeader("application", "sdp"));
          } catch (ParseException e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
