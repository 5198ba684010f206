/**
 * Bulwark as a user agent towards SIP trunks: it answers their digest challenges, registers to the
 * providers that want it and keeps each registration fresh, with its state for the portal.
 */
package io.bulwark.pbx.sip.trunk;
