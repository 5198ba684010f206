package io.bulwark.sip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.jboss.logging.Logger;

/** Writes SIP message traces to the {@code io.bulwark.sip.trace} category at TRACE level. */
public final class JBossServerLogger implements ServerLogger {

  private static final Logger TRACE = Logger.getLogger("io.bulwark.sip.trace");

  @Override
  public void closeLogFile() {}

  @Override
  public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
    if (TRACE.isTraceEnabled()) {
      TRACE.tracef("%s %s -> %s%n%s", sender ? "sent" : "received", from, to, message);
    }
  }

  @Override
  public void logMessage(
      SIPMessage message, String from, String to, String status, boolean sender, long time) {
    logMessage(message, from, to, sender, time);
  }

  @Override
  public void logMessage(
      SIPMessage message, String from, String to, String status, boolean sender) {
    logMessage(message, from, to, sender, 0L);
  }

  @Override
  public void logException(Exception e) {
    TRACE.debug(e.getMessage(), e);
  }

  @Override
  public void setStackProperties(Properties properties) {}

  @Override
  public void setSipStack(SipStack sipStack) {}
}
