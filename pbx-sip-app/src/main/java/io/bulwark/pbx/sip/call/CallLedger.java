package io.bulwark.pbx.sip.call;

import io.bulwark.pbx.cdr.CallDetailRecord;
import io.bulwark.pbx.cdr.CallRecorder;
import io.bulwark.pbx.cdr.LiveCall;
import io.bulwark.pbx.cdr.LiveCalls;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Where calls are accounted for: the live calls the portal lists, and the call records. */
record CallLedger(LiveCalls live, CallRecorder records, Clock clock) {

  String newKey() {
    return UUID.randomUUID().toString();
  }

  void opened(LiveCall call) {
    live.add(call);
  }

  /** Records the call's progress; an ended call leaves the live calls. */
  CompletionStage<Void> record(CallDetailRecord record) {
    if (record.isEnded()) {
      live.remove(record.key());
    }
    return records.write(record);
  }
}
