/**
 * Calls between extensions, as a back-to-back user agent: the caller authenticates its INVITE, the
 * callee is found in the location service, and Bulwark places its own call to each of the callee's
 * phones, joining the caller's dialog to the one that answers.
 */
package io.bulwark.pbx.sip.call;
