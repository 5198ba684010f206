package io.bulwark.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import javax.sip.ListeningPoint;

/**
 * The RI's message processors, except that UDP gets a {@link BoundedUdpMessageProcessor}.
 * Instantiated by the stack through its {@code MESSAGE_PROCESSOR_FACTORY} property.
 */
public final class BoundedMessageProcessorFactory implements MessageProcessorFactory {

  private static final String THREAD_POOL_SIZE = "gov.nist.javax.sip.THREAD_POOL_SIZE";

  private final MessageProcessorFactory others = new OIOMessageProcessorFactory();

  @Override
  public MessageProcessor createMessageProcessor(
      SIPTransactionStack stack, InetAddress address, int port, String transport)
      throws IOException {
    if (!ListeningPoint.UDP.equalsIgnoreCase(transport)) {
      return others.createMessageProcessor(stack, address, port, transport);
    }
    String threads =
        ((SipStackImpl) stack).getConfigurationProperties().getProperty(THREAD_POOL_SIZE, "-1");
    if (Integer.parseInt(threads) < 1) {
      // The RI's default, -1, means a new thread for every datagram: unbounded under a flood.
      throw new IllegalArgumentException(THREAD_POOL_SIZE + " must be at least 1, not " + threads);
    }
    markUdpListening(stack);
    return new BoundedUdpMessageProcessor(address, stack, port, Integer.parseInt(threads));
  }

  /**
   * Sets the flag that the RI's own factory sets and that its UDP channels read to send from the
   * listening socket: without it every response leaves from a new ephemeral port, which NATs and
   * phones drop. The flag is package-private, hence reflection, once per listening point.
   */
  private static void markUdpListening(SIPTransactionStack stack) {
    try {
      Field udpFlag = SIPTransactionStack.class.getDeclaredField("udpFlag");
      udpFlag.setAccessible(true);
      udpFlag.setBoolean(stack, true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("This JAIN-SIP RI has no udpFlag to set", e);
    }
  }
}
