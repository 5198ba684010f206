package io.bulwark.pbx.callpolicy;

import java.time.Instant;

/**
 * An outbound call to authorize.
 *
 * @param caller the number of the authenticated extension placing it
 * @param dialled what the extension dialled
 * @param number what would be sent to the trunk, after the route's strip and prepend; null when no
 *     route the caller may use takes the number
 * @param at when it is placed
 */
public record CallAttempt(String caller, String dialled, String number, Instant at) {}
