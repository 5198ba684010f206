package io.bulwark.pbx.callpolicy;

import java.time.Instant;

/**
 * An extension at its outbound call frequency limit: its calls are denied until {@code until}.
 *
 * @param calls the calls it placed in the rule's window
 */
public record FrequencyHold(String extension, String rule, int calls, Instant until) {}
