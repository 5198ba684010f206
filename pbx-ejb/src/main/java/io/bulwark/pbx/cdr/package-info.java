/**
 * Calls as the administrator sees them: call detail records written as calls answer and end (and
 * closed at start for calls the server did not see end), read back filtered a page at a time, and
 * the calls up right now, which the portal lists and can hang up.
 *
 * <p>The SIP application owns the calls; this package only records them and offers a registry in
 * which each live call stands with a way to end it, so the web tier never touches SIP.
 */
package io.bulwark.pbx.cdr;
