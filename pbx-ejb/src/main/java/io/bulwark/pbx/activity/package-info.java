/**
 * What happened recently, for the dashboard's live charts and {@code /api/v1/dashboard/activity}.
 *
 * <p>SIP threads count REGISTERs accepted and failed authentications per minute in {@link
 * io.bulwark.pbx.activity.SipActivity}: in memory, a compare-and-set per request, the last hour
 * only (a restart starts from zero; the event log keeps what must last). Security events per hour
 * come from the event log. {@link io.bulwark.pbx.activity.ActivityService} puts both together.
 */
package io.bulwark.pbx.activity;
