package io.bulwark.sip;

import gov.nist.javax.sip.ListeningPointImpl;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import io.bulwark.sip.tcp.GuardedNetworkLayer;
import io.bulwark.sip.tcp.TcpLimits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import org.jboss.logging.Logger;

/**
 * A running JAIN-SIP stack with its listening points and the handlers it dispatches to.
 *
 * <p>The stack is constructed directly rather than through {@code SipFactory}, whose global
 * registry would hand a stopped stack back to the next deployment.
 */
public final class SipContainer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(SipContainer.class);

  private final SipContainerConfig config;
  private final SipStackImpl stack;
  private final List<SipProvider> providers = new ArrayList<>();
  private final List<ListeningPoint> listeningPoints = new ArrayList<>();
  private final Dispatcher dispatcher;
  private final SipTraffic traffic = new SipTraffic();
  private final Thread eventScanner;
  private final SipClient client;

  private SipContainer(
      SipContainerConfig config,
      Properties stackProperties,
      Map<String, Dispatcher.Route> routes,
      int retransmitMillis,
      SourceGate gate)
      throws SipException {
    this.config = config;
    MessageFactory messages = new MessageFactoryImpl();
    HeaderFactory headers = new HeaderFactoryImpl();
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    this.stack = new SipStackImpl(stackProperties);
    this.eventScanner = newThreadNamed("EventScannerThread", before);
    // Added before any listening point exists, so before any thread reads the list; the instance
    // rather than a class name (gov.nist.javax.sip.SIP_MESSAGE_VALVE) since SipRequest needs it.
    AnswersInFlight answers = new AnswersInFlight();
    stack.sipMessageValves.add(answers);
    this.dispatcher = new Dispatcher(routes, messages, headers, traffic, answers);
    if (stack.getNetworkLayer() instanceof GuardedNetworkLayer tcp) {
      tcp.admitOnly(gate);
    }
    try {
      for (String transport : config.transports()) {
        ListeningPoint lp =
            stack.createListeningPoint(config.host(), config.portOf(transport), transport);
        if (((ListeningPointImpl) lp).getMessageProcessor()
            instanceof BoundedUdpMessageProcessor udp) {
          udp.admitOnly(gate);
        }
        listeningPoints.add(lp);
        SipProvider provider = stack.createSipProvider(lp);
        provider.addSipListener(dispatcher);
        providers.add(provider);
      }
      stack.start();
      this.client =
          new SipClient(
              List.copyOf(providers),
              messages,
              headers,
              new AddressFactoryImpl(),
              retransmitMillis);
    } catch (Exception e) {
      close();
      throw new SipException("Cannot listen on " + config.host() + ":" + config.port(), e);
    }
    LOG.infof(
        "SIP listening on %s:%d (%s)%s",
        config.host(),
        config.port(),
        String.join(", ", config.transports().stream().filter(t -> !t.equals("tls")).toList()),
        config.tls() == null ? "" : ", TLS on " + config.tls().port());
  }

  public static Builder builder(SipContainerConfig config) {
    return new Builder(config);
  }

  public SipContainerConfig config() {
    return config;
  }

  /** Server transactions the stack holds now; stateless answers leave none. */
  int serverTransactions() {
    return stack.getServerTransactionTableSize();
  }

  /** Sends the application's own requests: the outgoing legs of calls, OPTIONS, MESSAGE. */
  public SipClient client() {
    return client;
  }

  /** Requests received and responses sent so far. */
  public SipTraffic traffic() {
    return traffic;
  }

  /** What the UDP ingress did so far, or null without UDP. */
  public UdpIngressStats udpIngress() {
    for (ListeningPoint lp : listeningPoints) {
      if (((ListeningPointImpl) lp).getMessageProcessor()
          instanceof BoundedUdpMessageProcessor udp) {
        return udp.stats();
      }
    }
    return null;
  }

  /** Datagrams dropped unread so far because their source was shut out ({@link SourceGate}). */
  public long shutOutDatagrams() {
    long sum = 0;
    for (ListeningPoint lp : listeningPoints) {
      if (((ListeningPointImpl) lp).getMessageProcessor()
          instanceof BoundedUdpMessageProcessor udp) {
        sum += udp.shutOut();
      }
    }
    return sum;
  }

  /** Stops the stack; afterwards its ports are free and its threads gone. Safe to call twice. */
  @Override
  public synchronized void close() {
    for (SipProvider provider : providers) {
      provider.removeSipListener(dispatcher);
      try {
        stack.deleteSipProvider(provider);
      } catch (Exception e) {
        LOG.debugf(e, "Provider %s did not close cleanly", provider);
      }
    }
    providers.clear();
    for (ListeningPoint lp : listeningPoints) {
      try {
        stack.deleteListeningPoint(lp);
      } catch (Exception e) {
        LOG.debugf(e, "Listening point %s did not close cleanly", lp);
      }
    }
    listeningPoints.clear();
    stack.stop();
    // The RI's stop() only flags its event scanner as stopped while the scanner's thread blocks in
    // BlockingQueue.take(), so the thread would outlive every undeploy. Interrupting it ends it.
    if (eventScanner != null) {
      eventScanner.interrupt();
    }
  }

  private static Thread newThreadNamed(String name, Set<Thread> before) {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (name.equals(thread.getName()) && !before.contains(thread)) {
        return thread;
      }
    }
    return null;
  }

  private static Properties stackProperties(SipContainerConfig config) {
    Properties p = new Properties();
    p.setProperty("javax.sip.STACK_NAME", config.stackName());
    p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
    p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
    p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
    // A finished transaction lingers for its retransmission timers (a BYE's 32 s over UDP) and,
    // by default, keeps every parsed message it saw: at 600 calls/s that is most of a 1 GiB heap,
    // and full collections then stall the stack long enough to shed calls. Normal keeps only the
    // bytes of those messages (parsed again should anything ask for them).
    p.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY", "Normal");
    // The RI asks for 64 KiB, less than Linux's default: bursts then overflow the kernel's buffer
    // before the socket thread runs. 1 MiB is a few tens of milliseconds at full rate, well under
    // T1 (the kernel caps it at net.core.rmem_max).
    p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(1 << 20));
    p.setProperty(
        "gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(WireLimits.MAX_MESSAGE_BYTES));
    p.setProperty(
        "gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", ScreeningParserFactory.class.getName());
    p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", GuardedNetworkLayer.class.getName());
    TcpLimits.DEFAULTS.writeTo(p);
    if (config.tls() != null) {
      GuardedNetworkLayer.writeTls(p, config.tls());
      // Phones present no certificate; a server only proves itself (RFC 3261 section 26.3.1).
      p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
      p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3, TLSv1.2");
      // The RI's default list holds RSA key exchanges only; these are the forward-secret AEAD
      // suites of TLS 1.3 and 1.2, for RSA and EC certificates alike.
      p.setProperty(
          "gov.nist.javax.sip.ENABLED_CIPHER_SUITES",
          "TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256,"
              + " TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,"
              + " TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,"
              + " TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,"
              + " TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    }
    p.setProperty("gov.nist.javax.sip.STACK_LOGGER", JBossStackLogger.class.getName());
    p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", JBossServerLogger.class.getName());
    p.setProperty(
        "gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
        BoundedMessageProcessorFactory.class.getName());
    // The RI's queue auditor would only watch the queue that BoundedUdpMessageProcessor replaces.
    p.setProperty("gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT", "0");
    return p;
  }

  /** Collects handlers, then starts the container. */
  public static final class Builder {
    private final SipContainerConfig config;
    private final Map<String, Dispatcher.Route> routes = new TreeMap<>();
    private final Properties stackProperties;
    private int retransmitMillis = 500;
    private SourceGate gate = SourceGate.OPEN;

    private Builder(SipContainerConfig config) {
      this.config = config;
      this.stackProperties = stackProperties(config);
    }

    /**
     * Runs the handler on a stack thread inside a server transaction, which absorbs retransmissions
     * and retransmits the answer: for methods that start dialogs, such as INVITE. Handlers must not
     * block; {@link SipRequest#continueOn} hands blocking work over.
     */
    public Builder handle(String method, SipRequestHandler handler) {
      routes.put(method, new Dispatcher.Route(handler, false));
      return this;
    }

    /**
     * Runs the handler on a stack thread and answers without a server transaction, so an answer
     * costs no state kept for 32 s (Timer J): for REGISTER and OPTIONS, which memory answers at
     * once, and for an INVITE until its caller is authenticated ({@link
     * SipRequest#enterTransaction}). A retransmitted request runs the handler again. Handlers must
     * not block.
     */
    public Builder handleStateless(String method, SipRequestHandler handler) {
      routes.put(method, new Dispatcher.Route(handler, true));
      return this;
    }

    /** Shuts out the sources {@code gate} refuses; {@link SourceGate#OPEN} otherwise. */
    public Builder admitOnly(SourceGate gate) {
      this.gate = gate;
      return this;
    }

    /** Bounds what one source address may hold over TCP; {@link TcpLimits#DEFAULTS} otherwise. */
    public Builder tcpLimits(TcpLimits limits) {
      limits.writeTo(stackProperties);
      return this;
    }

    /**
     * T1 of the client transactions (RFC 3261 section 17.1.1.1: 500 ms), which also scales Timers B
     * and F (64 × T1): a test shortens it to see a timeout in seconds.
     */
    Builder retransmitMillis(int millis) {
      this.retransmitMillis = millis;
      return this;
    }

    /** Overrides a JAIN-SIP stack property, to measure its effect. */
    Builder stackProperty(String name, String value) {
      stackProperties.setProperty(name, value);
      return this;
    }

    public SipContainer start() throws SipException {
      return new SipContainer(
          config,
          stackProperties,
          Collections.unmodifiableMap(new TreeMap<>(routes)),
          retransmitMillis,
          gate);
    }
  }
}
