package io.bulwark.sip;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.address.GenericURI;
import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.MaxForwards;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;
import java.util.Set;
import javax.sip.message.Request;
import org.jboss.logging.Logger;

/**
 * The stack's message parser, wrapped so that no malformed message reaches the RI's own error
 * handling.
 *
 * <p>Why: on a parse error the RI's UDP channel builds its 400 by hand ({@code
 * MessageChannel.createBadReqRes}), with the parser's exception text as reason phrase (Java object
 * ids and line breaks included, so the response itself is malformed) and the offending request
 * echoed back as a body; its TCP channel closes the connection without an answer; a request lacking
 * From/To/Call-ID/CSeq/Via is logged at ERROR, once per packet. Installed through the stack
 * property {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}, this parser never throws on a request
 * from the network: it either returns a request whose headers can carry an answer, marked with a
 * {@link ParseVerdict} for {@link RequestScreen} to answer through a server transaction, or returns
 * {@code null}, which both channels treat as nothing received. Responses that do not parse are
 * dropped the same way.
 */
public final class ScreeningParserFactory implements MessageParserFactory {

  private static final Logger LOG = Logger.getLogger(ScreeningParserFactory.class);

  @Override
  public MessageParser createMessageParser(SIPTransactionStack stack) {
    return new ScreeningParser();
  }

  static final class ScreeningParser implements MessageParser {

    /**
     * Headers whose failure makes the message unusable; others are kept unparsed, as the RI does.
     */
    private static final Set<Class<?>> ESSENTIAL =
        Set.of(
            From.class,
            To.class,
            CSeq.class,
            Via.class,
            CallID.class,
            ContentLength.class,
            MaxForwards.class,
            RequestLine.class,
            StatusLine.class);

    private static final ParseExceptionListener STRICT =
        (ex, message, headerClass, header, raw) -> {
          if (headerClass == null || ESSENTIAL.contains(headerClass) || message == null) {
            throw ex;
          }
          message.addUnparsed(header);
        };

    /** Keeps whatever parses, so that a 400 can still be addressed. */
    private static final ParseExceptionListener SALVAGE = (ex, message, cls, header, raw) -> {};

    private final StringMsgParser delegate = new StringMsgParser();

    @Override
    public SIPMessage parseSIPMessage(
        byte[] bytes, boolean readBody, boolean strict, ParseExceptionListener channel)
        throws ParseException {
      if (channel == null) {
        // The stack re-parsing messages it encoded itself.
        return delegate.parseSIPMessage(bytes, readBody, strict, null);
      }
      HeaderCensus census = HeaderCensus.of(bytes);
      if (census.fields() > WireLimits.MAX_HEADER_FIELDS) {
        LOG.debugf("Dropped a message of %d header fields", census.fields());
        return null;
      }
      SIPMessage message;
      try {
        message = delegate.parseSIPMessage(bytes, readBody, strict, STRICT);
      } catch (ParseException | RuntimeException e) {
        return salvage(bytes, census, e);
      }
      if (message == null || !addressable(message)) {
        return drop(message == null ? null : "missing From, To, Call-ID, CSeq or Via");
      }
      if (message instanceof SIPRequest request) {
        if (census.duplicated() || census.conflictingLength() || census.badRequestLine()) {
          request.setApplicationData(ParseVerdict.BAD_REQUEST);
        } else if (census.otherVersion()) {
          request.setApplicationData(ParseVerdict.VERSION_NOT_SUPPORTED);
        }
      }
      return message;
    }

    private SIPMessage salvage(byte[] bytes, HeaderCensus census, Exception cause) {
      if (census.response()) {
        return drop("unparseable response");
      }
      SIPMessage salvaged;
      try {
        salvaged = delegate.parseSIPMessage(bytes, false, false, SALVAGE);
      } catch (ParseException | RuntimeException e) {
        return drop("unparseable request");
      }
      if (!(salvaged instanceof SIPRequest request) || !addressable(request)) {
        return drop("unparseable request without usable From, To, Call-ID, CSeq or Via");
      }
      String method = request.getCSeq().getMethod();
      if (Request.ACK.equals(method)) {
        return drop("malformed ACK");
      }
      if (request.getRequestLine() == null) {
        try {
          request.setRequestLine(
              new RequestLine(
                  (GenericURI) new AddressFactoryImpl().createURI("sip:invalid"), method));
        } catch (ParseException e) {
          throw new IllegalStateException(e);
        }
      }
      request.setApplicationData(ParseVerdict.BAD_REQUEST);
      LOG.debugf("Malformed %s request, answering 400: %s", method, describe(cause));
      return request;
    }

    private static boolean addressable(SIPMessage message) {
      return message.getFrom() != null
          && message.getTo() != null
          && message.getCallId() != null
          && message.getCSeq() != null
          && message.getTopmostVia() != null;
    }

    private static SIPMessage drop(String why) {
      if (why != null) {
        LOG.debugf("Dropped a message: %s", why);
      }
      return null;
    }

    /** The exception's class only: its text may carry attacker bytes into the log. */
    private static String describe(Exception e) {
      return e.getClass().getSimpleName();
    }
  }
}
