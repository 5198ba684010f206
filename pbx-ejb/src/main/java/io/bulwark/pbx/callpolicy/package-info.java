/**
 * Outbound call security: one ordered chain of rules that every call leaving the PBX passes before
 * a trunk is touched. Each rule allows, or denies with the SIP status and the reason; the first
 * denial decides, and is an event naming the rule.
 */
package io.bulwark.pbx.callpolicy;
