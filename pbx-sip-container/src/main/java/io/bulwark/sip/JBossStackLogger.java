package io.bulwark.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends the JAIN-SIP stack's own logging to JBoss Logging (the RI otherwise needs log4j 1.x).
 * Instantiated by the stack through its {@code STACK_LOGGER} property.
 */
public final class JBossStackLogger implements StackLogger {

  private static final Logger LOG = Logger.getLogger("gov.nist.javax.sip");
  private static final String CLOSED_BEFORE_FIRST_MESSAGE =
      "A problem occured while trying to send a single CLRF";

  private volatile Levels levels = Levels.now();

  @Override
  public void logStackTrace() {
    logStackTrace(TRACE_DEBUG);
  }

  @Override
  public void logStackTrace(int level) {
    if (isLoggingEnabled(level)) {
      LOG.debug("Stack trace", new Throwable());
    }
  }

  @Override
  public int getLineCount() {
    return 0;
  }

  @Override
  public void logException(Throwable t) {
    LOG.warn(t.getMessage(), t);
  }

  @Override
  public void logDebug(String message) {
    LOG.debug(message);
  }

  @Override
  public void logDebug(String message, Exception e) {
    LOG.debug(message, e);
  }

  @Override
  public void logTrace(String message) {
    LOG.trace(message);
  }

  @Override
  public void logFatalError(String message) {
    LOG.fatal(message);
  }

  @Override
  public void logError(String message) {
    LOG.error(message);
  }

  @Override
  public boolean isLoggingEnabled() {
    return isLoggingEnabled(TRACE_WARN);
  }

  @Override
  public boolean isLoggingEnabled(int level) {
    Levels current = levels;
    if (System.nanoTime() - current.until() > 0) {
      current = Levels.now();
      levels = current;
    }
    return current.enabled(level);
  }

  @Override
  public void logError(String message, Exception e) {
    if (e instanceof InterruptedException) {
      LOG.debug(message, e); // SipContainer.close() interrupts the event scanner on purpose.
    } else if (message.startsWith(CLOSED_BEFORE_FIRST_MESSAGE)) {
      // The RI's TCP channel says this whenever a connection that never carried a message closes
      // (it feeds its parser a CRLFCRLF); a flood of refused connections must not flood the log.
      LOG.debug(message, e);
    } else {
      LOG.error(message, e);
    }
  }

  @Override
  public void logWarning(String message) {
    LOG.warn(message);
  }

  /** The RI logs per-message details at INFO (once per packet): a flood must not flood the log. */
  @Override
  public void logInfo(String message) {
    LOG.debug(message);
  }

  @Override
  public void disableLogging() {}

  @Override
  public void enableLogging() {}

  @Override
  public void setBuildTimeStamp(String timeStamp) {}

  @Override
  public void setStackProperties(Properties properties) {}

  @Override
  public String getLoggerName() {
    return LOG.getName();
  }

  /**
   * The levels enabled, looked up at most once a second: the RI asks before nearly every step of
   * every message, and a change made through the management CLI may take that second to apply.
   */
  private record Levels(boolean trace, boolean debug, boolean warn, boolean error, long until) {
    private static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(1);

    static Levels now() {
      return new Levels(
          LOG.isTraceEnabled(),
          LOG.isDebugEnabled(),
          LOG.isEnabled(Logger.Level.WARN),
          LOG.isEnabled(Logger.Level.ERROR),
          System.nanoTime() + TTL_NANOS);
    }

    boolean enabled(int level) {
      if (level >= TRACE_TRACE) {
        return trace;
      }
      if (level >= TRACE_INFO) {
        return debug; // see logInfo
      }
      return level >= TRACE_WARN ? warn : error;
    }
  }
}
