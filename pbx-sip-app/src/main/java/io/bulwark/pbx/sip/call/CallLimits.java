package io.bulwark.pbx.sip.call;

import io.bulwark.pbx.cdr.CallDetailRecord;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * What bounds a call: how long it may last once answered (the server hangs it up then), and the
 * channels of the trunks it may take.
 *
 * @param timer runs the hang-up at the maximum duration
 * @param trunksFull told when every trunk of the call's route was at its maximum concurrent calls
 * @param ended told of the call's last record, for what outbound calls cost
 * @param pinFailed told of each wrong PIN the caller entered for its route, with which attempt
 */
record CallLimits(
    Duration maxDuration,
    ScheduledExecutorService timer,
    TrunkLoad trunks,
    Runnable trunksFull,
    Consumer<CallDetailRecord> ended,
    Consumer<String> pinFailed) {}
