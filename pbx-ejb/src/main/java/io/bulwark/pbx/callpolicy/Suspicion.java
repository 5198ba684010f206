package io.bulwark.pbx.callpolicy;

import java.time.Instant;

/**
 * An outbound call that looks like toll fraud: what the spend guard tells the administrators of.
 *
 * @param blocked whether the call was refused and the extension's outbound calls disabled
 */
public record Suspicion(
    String extension, String dialled, String why, boolean blocked, Instant at) {}
