/**
 * Calls as a back-to-back user agent: an extension authenticates its INVITE, a trunk's provider is
 * known by its address; the dialplan (extensions, registered phones, trunks, routes) says where the
 * call goes, and Bulwark places its own call there: to every phone of an extension at once, or
 * through a route's trunks one after another, joining the caller's dialog to the one that answers.
 * Each call's media is anchored in the media relay, it stands in the live calls while it lasts, and
 * its record is written as it answers and ends.
 */
package io.bulwark.pbx.sip.call;
