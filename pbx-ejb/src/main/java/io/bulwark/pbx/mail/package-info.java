/**
 * Outgoing email: the SMTP server Bulwark and Keycloak send through (System > Email), and the
 * messages Bulwark sends (welcome emails with login links, test messages).
 */
package io.bulwark.pbx.mail;
