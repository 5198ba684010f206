package io.bulwark.pbx.cdr;

import java.util.concurrent.CompletionStage;

/** A call up or ringing right now, as the SIP application holds it. */
public interface LiveCall {

  /** The call as it stands. */
  CallDetailRecord record();

  /**
   * Ends the call from the server: both parties are hung up (or the ringing call refused) and the
   * record says {@link HangupSide#SYSTEM} with {@code cause}. Does nothing for a call that ended.
   * The stage completes once the parties were told.
   */
  CompletionStage<Void> hangUp(String cause);
}
