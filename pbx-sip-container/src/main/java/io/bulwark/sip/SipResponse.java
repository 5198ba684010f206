package io.bulwark.sip;

import javax.sip.header.CSeqHeader;
import javax.sip.message.Response;

/**
 * A response to a request the application sent, with the dialog it belongs to when the request was
 * sent in one or created one (an INVITE).
 */
public final class SipResponse {

  private final Response response;
  private final SipDialog dialog;

  SipResponse(Response response, SipDialog dialog) {
    this.response = response;
    this.dialog = dialog;
  }

  public Response message() {
    return response;
  }

  public int status() {
    return response.getStatusCode();
  }

  /** The method of the request this answers, from its CSeq. */
  public String method() {
    return ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod();
  }

  /** "486 Busy Here", or the code alone without a reason phrase: for logs and events. */
  public String statusLine() {
    String phrase = response.getReasonPhrase();
    return phrase == null || phrase.isEmpty()
        ? Integer.toString(status())
        : status() + " " + phrase;
  }

  public boolean isFinal() {
    return status() >= 200;
  }

  public boolean isSuccess() {
    return status() >= 200 && status() < 300;
  }

  /** The dialog, or null for a request sent outside any. */
  public SipDialog dialog() {
    return dialog;
  }
}
