/**
 * Bulwark's SIP applications: {@link io.bulwark.pbx.sip.SipServer} starts the SIP container with
 * the registrar and the OPTIONS responder when the EAR deploys and stops it on undeploy.
 */
package io.bulwark.pbx.sip;
