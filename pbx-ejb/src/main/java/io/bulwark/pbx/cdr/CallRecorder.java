package io.bulwark.pbx.cdr;

import java.util.concurrent.CompletionStage;

/** Where a call hands its record as it answers and ends; the stage completes once it is durable. */
@FunctionalInterface
public interface CallRecorder {
  CompletionStage<Void> write(CallDetailRecord record);
}
