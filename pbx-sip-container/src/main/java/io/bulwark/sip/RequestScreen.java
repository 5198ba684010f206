package io.bulwark.sip;

import gov.nist.javax.sip.message.SIPMessage;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * The checks of RFC 3261 section 8.2 that a UAS makes before it hands a request to the application,
 * in the RFC's order: what the parser already found wrong (400, 505), the method (8.2.1: 405 with
 * Allow for a method we know but do not handle, 501 for one we do not know), the Request-URI scheme
 * (8.2.2.1: 416) and Require (8.2.2.3: 420 with Unsupported; not for CANCEL, and ACK is never
 * answered). Max-Forwards is not checked: a request for us is fine at 0.
 */
final class RequestScreen {

  private static final Logger LOG = Logger.getLogger(RequestScreen.class);

  /** The methods of RFC 3261 and of the extensions in common use, so 405 rather than 501. */
  static final Set<String> KNOWN_METHODS =
      Set.of(
          "INVITE",
          "ACK",
          "BYE",
          "CANCEL",
          "OPTIONS",
          "REGISTER",
          "PRACK",
          "SUBSCRIBE",
          "NOTIFY",
          "PUBLISH",
          "INFO",
          "REFER",
          "MESSAGE",
          "UPDATE");

  static final Set<String> SUPPORTED_SCHEMES = Set.of("sip", "sips");

  /** Option tags the container implements: none yet. */
  static final Set<String> SUPPORTED_OPTIONS = Set.of();

  /** A refusal: the status to answer and the headers it needs. */
  record Refusal(int status, Consumer<Response> headers) {}

  private final Set<String> handled;
  private final String allowed;
  private final HeaderFactory headerFactory;

  RequestScreen(Set<String> handled, HeaderFactory headerFactory) {
    this.handled = Set.copyOf(handled);
    this.allowed = String.join(", ", new TreeSet<>(handled));
    this.headerFactory = headerFactory;
  }

  /** The refusal for {@code request}, or {@code null} when the application should have it. */
  Refusal check(Request request) {
    return logged(request, refusal(request, false));
  }

  /**
   * The same checks for a request inside a dialog, whose method goes to the dialog's listener
   * whatever the handlers registered: only what 405 and 501 would not cover.
   */
  Refusal checkInDialog(Request request) {
    return logged(request, refusal(request, true));
  }

  private static Refusal logged(Request request, Refusal refusal) {
    if (refusal != null) {
      LOG.debugf(
          "Refused %s from %s with %d",
          request.getMethod(), ((SIPMessage) request).getRemoteAddress(), refusal.status());
    }
    return refusal;
  }

  private Refusal refusal(Request request, boolean inDialog) {
    Object verdict = ((SIPMessage) request).getApplicationData();
    if (verdict == ParseVerdict.BAD_REQUEST) {
      return plain(Response.BAD_REQUEST);
    }
    if (verdict == ParseVerdict.VERSION_NOT_SUPPORTED) {
      return plain(Response.VERSION_NOT_SUPPORTED);
    }
    String method = request.getMethod();
    if (!inDialog && !handled.contains(method)) {
      return KNOWN_METHODS.contains(method)
          ? new Refusal(Response.METHOD_NOT_ALLOWED, this::addAllow)
          : plain(Response.NOT_IMPLEMENTED);
    }
    String scheme = request.getRequestURI().getScheme().toLowerCase(Locale.ROOT);
    if (!SUPPORTED_SCHEMES.contains(scheme)) {
      return plain(Response.UNSUPPORTED_URI_SCHEME);
    }
    if (!Request.CANCEL.equals(method)) {
      List<String> unsupported = unsupportedOptions(request);
      if (!unsupported.isEmpty()) {
        return new Refusal(Response.BAD_EXTENSION, r -> addUnsupported(r, unsupported));
      }
    }
    return null;
  }

  private static List<String> unsupportedOptions(Request request) {
    List<String> unsupported = new ArrayList<>();
    for (Iterator<?> it = request.getHeaders(RequireHeader.NAME); it.hasNext(); ) {
      String tag = ((RequireHeader) it.next()).getOptionTag();
      if (tag != null && !SUPPORTED_OPTIONS.contains(tag) && !unsupported.contains(tag)) {
        unsupported.add(tag);
      }
    }
    return unsupported;
  }

  private static Refusal plain(int status) {
    return new Refusal(status, r -> {});
  }

  private void addAllow(Response response) {
    try {
      response.addHeader(headerFactory.createAllowHeader(allowed));
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  private void addUnsupported(Response response, List<String> tags) {
    try {
      for (String tag : tags) {
        response.addHeader(headerFactory.createUnsupportedHeader(tag));
      }
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
