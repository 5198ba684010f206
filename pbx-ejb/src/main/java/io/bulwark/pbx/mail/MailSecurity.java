package io.bulwark.pbx.mail;

/** How the connection to the SMTP server is protected. */
public enum MailSecurity {
  /** Plain SMTP, for a relay on the same host or LAN (port 25). */
  NONE,
  /** Plain, then upgraded with STARTTLS, which must succeed (port 587). */
  STARTTLS,
  /** TLS from the first byte (SMTPS, port 465). */
  TLS
}
