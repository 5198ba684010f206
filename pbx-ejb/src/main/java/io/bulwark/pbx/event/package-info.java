/**
 * The event log. Code that takes a security decision or changes settings fires a {@link
 * io.bulwark.pbx.event.SecurityEvent}; {@link io.bulwark.pbx.event.EventRecorder} stores it and
 * writes one parseable line to the {@code io.bulwark.security} log for fail2ban-style tools.
 */
package io.bulwark.pbx.event;
