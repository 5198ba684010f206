package io.bulwark.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
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
  private final Thread eventScanner;

  private SipContainer(SipContainerConfig config, Map<String, Dispatcher.Route> routes)
      throws SipException {
    this.config = config;
    MessageFactory messages = new MessageFactoryImpl();
    HeaderFactory headers = new HeaderFactoryImpl();
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    this.stack = new SipStackImpl(stackProperties(config));
    this.eventScanner = newThreadNamed("EventScannerThread", before);
    this.dispatcher = new Dispatcher(routes, messages, headers);
    try {
      for (String transport : config.transports()) {
        ListeningPoint lp = stack.createListeningPoint(config.host(), config.port(), transport);
        listeningPoints.add(lp);
        SipProvider provider = stack.createSipProvider(lp);
        provider.addSipListener(dispatcher);
        providers.add(provider);
      }
      stack.start();
    } catch (Exception e) {
      close();
      throw new SipException("Cannot listen on " + config.host() + ":" + config.port(), e);
    }
    LOG.infof(
        "SIP listening on %s:%d (%s)",
        config.host(), config.port(), String.join(", ", config.transports()));
  }

  public static Builder builder(SipContainerConfig config) {
    return new Builder(config);
  }

  public SipContainerConfig config() {
    return config;
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
    p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
    p.setProperty("gov.nist.javax.sip.STACK_LOGGER", JBossStackLogger.class.getName());
    p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", JBossServerLogger.class.getName());
    return p;
  }

  /** Collects handlers, then starts the container. */
  public static final class Builder {
    private final SipContainerConfig config;
    private final Map<String, Dispatcher.Route> routes = new TreeMap<>();

    private Builder(SipContainerConfig config) {
      this.config = config;
    }

    /** Runs the handler on a stack thread: for handlers that never block. */
    public Builder handle(String method, SipRequestHandler handler) {
      routes.put(method, new Dispatcher.Route(handler, null));
      return this;
    }

    /** Runs the handler on {@code executor}: for handlers that wait on the database or network. */
    public Builder handleBlocking(String method, SipRequestHandler handler, Executor executor) {
      routes.put(method, new Dispatcher.Route(handler, executor));
      return this;
    }

    public SipContainer start() throws SipException {
      return new SipContainer(config, Collections.unmodifiableMap(new TreeMap<>(routes)));
    }
  }
}
