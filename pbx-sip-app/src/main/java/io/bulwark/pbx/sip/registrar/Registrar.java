package io.bulwark.pbx.sip.registrar;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import io.bulwark.pbx.activity.SipActivity;
import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.extension.SipCredentials;
import io.bulwark.pbx.location.Locations;
import io.bulwark.pbx.location.RegisterRequest;
import io.bulwark.pbx.location.RegisterRequest.ContactExpiry;
import io.bulwark.pbx.location.RegistrationOutcome;
import io.bulwark.sip.SipRequest;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.ListIterator;
import java.util.TimeZone;
import java.util.function.BiConsumer;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Answers REGISTER: challenges, verifies the digest, applies the bindings, and reports refusals as
 * security events. Everything is answered from memory on the thread that received the request:
 * credentials and bindings are in memory, the database learns of changes by write-behind, and
 * refusals are only counted here (see {@link io.bulwark.pbx.event.EventThrottle}). Acceptances and
 * refusals are also counted per minute for the dashboard ({@link SipActivity}).
 */
public final class Registrar {

  private static final AddressFactory ADDRESSES = new AddressFactoryImpl();

  private final DigestAuthentication authentication;
  private final Locations locations;
  private final SipActivity activity;
  private final BiConsumer<SecurityEvent, String> refusals;
  private final Clock clock;
  private final RequestFingerprint fingerprints = new RequestFingerprint();

  /**
   * @param refusals takes each refusal and its reason; must not block
   */
  public Registrar(
      DigestAuthentication authentication,
      Locations locations,
      SipActivity activity,
      BiConsumer<SecurityEvent, String> refusals,
      Clock clock) {
    this.authentication = authentication;
    this.locations = locations;
    this.activity = activity;
    this.refusals = refusals;
    this.clock = clock;
  }

  public void handle(SipRequest request) {
    Request message = request.message();
    String aorUser = userOf(((ToHeader) message.getHeader(ToHeader.NAME)).getAddress().getURI());
    if (aorUser == null) {
      request.respond(Response.BAD_REQUEST);
      return;
    }
    RegisterRequest register = registerRequest(request, aorUser);
    authentication
        .authenticate(
            request,
            DigestChallenge.Kind.REGISTRAR,
            EventType.REGISTRATION_FAILED,
            fingerprints.of(register))
        .ifPresent(
            caller -> {
              if (caller.extensionNumber().equals(aorUser)) {
                apply(request, register, caller);
              } else {
                authentication.refuse(
                    request,
                    EventType.REGISTRATION_FAILED,
                    caller.registrationName(),
                    "registration name is not for the AOR");
              }
            });
  }

  private void apply(SipRequest request, RegisterRequest register, SipCredentials caller) {
    RegistrationOutcome outcome =
        locations.register(register, caller.guard().concurrentRegistrations());
    if (outcome instanceof RegistrationOutcome.Accepted accepted) {
      activity.registrationAccepted();
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
    } else if (outcome instanceof RegistrationOutcome.TooManyDevices tooMany) {
      String reason =
          "extension "
              + register.extensionNumber()
              + " already has its "
              + tooMany.limit()
              + " concurrent registration(s) from other addresses";
      refusals.accept(
          new SecurityEvent(
              clock.instant(),
              EventType.REGISTRATION_LIMIT_REACHED,
              request.sourceAddress(),
              caller.registrationName(),
              "reject",
              reason + " (" + request.transport() + ")"),
          reason);
      request.respond(Response.FORBIDDEN, response -> reason(response, "Too Many Registrations"));
    } else if (outcome instanceof RegistrationOutcome.Rejected rejected) {
      request.respond(Response.BAD_REQUEST, response -> reason(response, rejected.reason()));
    }
  }

  private static void reason(Response response, String phrase) {
    try {
      response.setReasonPhrase(phrase);
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One Contact per binding with its remaining seconds. Contacts this request carried are taken
   * from it as parsed; only other devices' bindings of the same extension are parsed again.
   */
  private void addBindings(
      SipRequest request, Response response, RegistrationOutcome.Accepted accepted) {
    HeaderFactory headers = request.headerFactory();
    try {
      for (var binding : accepted.bindings()) {
        Address address = addressInRequest(request.message(), binding.contactUri());
        if (address == null) {
          address = ADDRESSES.createAddress(ADDRESSES.createURI(binding.contactUri()));
        }
        ContactHeader contact = headers.createContactHeader(address);
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

  private static Address addressInRequest(Request message, String contactUri) {
    ListIterator<?> it = message.getHeaders(ContactHeader.NAME);
    while (it.hasNext()) {
      Address address = ((ContactHeader) it.next()).getAddress();
      if (address != null && contactUri.equals(address.getURI().toString())) {
        return address;
      }
    }
    return null;
  }

  private static RegisterRequest registerRequest(SipRequest request, String aorUser) {
    Request message = request.message();
    CallIdHeader callId = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
    CSeqHeader cseq = (CSeqHeader) message.getHeader(CSeqHeader.NAME);
    List<ContactExpiry> contacts = new ArrayList<>(1);
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
    return new RegisterRequest(
        aorUser,
        contacts,
        wildcard,
        expires == null ? null : expires.getExpires(),
        callId.getCallId(),
        cseq.getSeqNumber(),
        request.sourceAddress(),
        request.sourcePort(),
        request.transport(),
        request.userAgent());
  }

  private static String userOf(URI uri) {
    return uri instanceof SipURI sip ? sip.getUser() : null;
  }
}
