package io.bulwark.pbx.sip.call;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What bounds a call: how long it may last once answered (the server hangs it up then), and the
 * channels of the trunks it may take.
 *
 * @param timer runs the hang-up at the maximum duration
 * @param trunksFull told when every trunk of the call's route was at its maximum concurrent calls
 */
record CallLimits(
    Duration maxDuration, ScheduledExecutorService timer, TrunkLoad trunks, Runnable trunksFull) {}
