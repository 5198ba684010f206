package io.bulwark.pbx.sip.registrar;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.extension.RegisterRequest;
import io.bulwark.pbx.extension.RegisterRequest.ContactExpiry;
import io.bulwark.pbx.extension.RegistrationOutcome;
import io.bulwark.pbx.extension.SipCredentials;
import io.bulwark.sip.SipRequest;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sip.InvalidArgumentException;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Answers REGISTER: challenges, verifies the digest, applies the bindings, and reports failures as
 * security events. Challenge and verification work from memory on the stack thread; only the
 * binding update, which writes the database, continues on {@code bindingWriter} (503 with
 * Retry-After if it refuses the work).
 */
public final class Registrar {

  private static final AddressFactory ADDRESSES = new AddressFactoryImpl();

  private final DigestVerifier verifier;
  private final NonceService nonces;
  private final Function<String, Optional<SipCredentials>> credentials;
  private final Function<RegisterRequest, RegistrationOutcome> bindings;
  private final Executor bindingWriter;
  private final Consumer<SecurityEvent> events;
  private final Clock clock;

  public Registrar(
      DigestVerifier verifier,
      NonceService nonces,
      Function<String, Optional<SipCredentials>> credentials,
      Function<RegisterRequest, RegistrationOutcome> bindings,
      Executor bindingWriter,
      Consumer<SecurityEvent> events,
      Clock clock) {
    this.verifier = verifier;
    this.nonces = nonces;
    this.credentials = credentials;
    this.bindings = bindings;
    this.bindingWriter = bindingWriter;
    this.events = events;
    this.clock = clock;
  }

  public void handle(SipRequest request) {
    Request message = request.message();
    String aorUser = userOf(((ToHeader) message.getHeader(ToHeader.NAME)).getAddress().getURI());
    if (aorUser == null) {
      request.respond(Response.BAD_REQUEST);
      return;
    }
    AuthorizationHeader authorization =
        (AuthorizationHeader) message.getHeader(AuthorizationHeader.NAME);
    if (authorization == null) {
      challenge(request, false);
      return;
    }
    DigestVerifier.Result result =
        verifier.verify(digestOf(authorization), message.getMethod(), credentials);
    switch (result.verdict()) {
      case STALE -> challenge(request, true);
      case REJECTED -> refuse(request, authorization.getUsername(), result.reason());
      case AUTHENTICATED -> {
        if (!result.credentials().extensionNumber().equals(aorUser)) {
          refuse(request, authorization.getUsername(), "registration name is not for " + aorUser);
        } else {
          RegisterRequest register = registerRequest(request, aorUser);
          request.continueOn(bindingWriter, () -> apply(request, register));
        }
      }
    }
  }

  private void apply(SipRequest request, RegisterRequest register) {
    RegistrationOutcome outcome = bindings.apply(register);
    if (outcome instanceof RegistrationOutcome.Accepted accepted) {
      request.respond(Response.OK, response -> addBindings(request, response, accepted));
    } else if (outcome instanceof RegistrationOutcome.IntervalTooBrief brief) {
      request.respond(
          Response.INTERVAL_TOO_BRIEF,
          response -> {
            try {
              response.addHeader(
                  request.headerFactory().createMinExpiresHeader(brief.minExpires()));
            } catch (InvalidArgumentException e) {
              throw new IllegalStateException(e);
            }
          });
    } else if (outcome instanceof RegistrationOutcome.Rejected rejected) {
      request.respond(
          Response.BAD_REQUEST,
          response -> {
            try {
              response.setReasonPhrase(rejected.reason());
            } catch (ParseException e) {
              throw new IllegalStateException(e);
            }
          });
    }
  }

  private void addBindings(
      SipRequest request, Response response, RegistrationOutcome.Accepted accepted) {
    HeaderFactory headers = request.headerFactory();
    try {
      for (var binding : accepted.bindings()) {
        ContactHeader contact =
            headers.createContactHeader(
                ADDRESSES.createAddress(ADDRESSES.createURI(binding.contactUri())));
        contact.setExpires((int) binding.expiresSeconds());
        response.addHeader(contact);
      }
      Calendar now = Calendar.getInstance(TimeZone.getTimeZone("GMT"));
      now.setTimeInMillis(clock.millis());
      response.addHeader(headers.createDateHeader(now));
    } catch (ParseException | InvalidArgumentException e) {
      throw new IllegalStateException("Stored contact is not a valid URI", e);
    }
  }

  private void challenge(SipRequest request, boolean stale) {
    request.respond(
        Response.UNAUTHORIZED,
        response -> {
          try {
            WWWAuthenticateHeader header =
                request.headerFactory().createWWWAuthenticateHeader("Digest");
            header.setRealm(verifier.realm());
            header.setNonce(nonces.issue());
            header.setAlgorithm("MD5");
            header.setQop("auth");
            if (stale) {
              header.setStale(true);
            }
            response.addHeader(header);
          } catch (ParseException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Unknown user, wrong password, replay: one answer, so a scanner learns nothing. */
  private void refuse(SipRequest request, String username, String reason) {
    events.accept(
        new SecurityEvent(
            clock.instant(),
            EventType.REGISTRATION_FAILED,
            request.sourceAddress(),
            username,
            "reject",
            reason + " (" + request.transport() + ")"));
    request.respond(Response.FORBIDDEN);
  }

  private RegisterRequest registerRequest(SipRequest request, String aorUser) {
    Request message = request.message();
    List<ContactExpiry> contacts = new ArrayList<>();
    boolean wildcard = false;
    ListIterator<?> it = message.getHeaders(ContactHeader.NAME);
    while (it.hasNext()) {
      ContactHeader contact = (ContactHeader) it.next();
      if (contact.isWildCard() || contact.getAddress() == null) {
        wildcard = true;
        continue;
      }
      int expires = contact.getExpires();
      contacts.add(
          new ContactExpiry(
              contact.getAddress().getURI().toString(), expires < 0 ? null : expires));
    }
    ExpiresHeader expires = (ExpiresHeader) message.getHeader(ExpiresHeader.NAME);
    UserAgentHeader agent = (UserAgentHeader) message.getHeader(UserAgentHeader.NAME);
    return new RegisterRequest(
        aorUser,
        contacts,
        wildcard,
        expires == null ? null : expires.getExpires(),
        ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId(),
        ((CSeqHeader) message.getHeader(CSeqHeader.NAME)).getSeqNumber(),
        request.sourceAddress(),
        request.sourcePort(),
        request.transport(),
        agent == null ? null : userAgentText(agent));
  }

  private static String userAgentText(UserAgentHeader agent) {
    StringBuilder text = new StringBuilder();
    agent.getProduct().forEachRemaining(p -> text.append(text.length() > 0 ? " " : "").append(p));
    return text.toString();
  }

  private static DigestResponse digestOf(AuthorizationHeader h) {
    // uri and nc enter the hash exactly as the client wrote them, so take the raw parameters.
    return new DigestResponse(
        h.getScheme(),
        h.getUsername(),
        h.getRealm(),
        h.getNonce(),
        h.getParameter("uri"),
        h.getResponse(),
        h.getAlgorithm(),
        h.getQop(),
        h.getParameter("nc"),
        h.getCNonce());
  }

  private static String userOf(URI uri) {
    return uri instanceof SipURI sip ? sip.getUser() : null;
  }
}
