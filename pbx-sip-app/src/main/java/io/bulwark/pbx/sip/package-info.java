/**
 * Bulwark's SIP applications: {@link io.bulwark.pbx.sip.SipServer} starts the SIP container with
 * the registrar, the call router, the trunk registrations and the OPTIONS responder when the EAR
 * deploys, and stops them (hanging up the calls still up and withdrawing the registrations) on
 * undeploy.
 */
package io.bulwark.pbx.sip;
