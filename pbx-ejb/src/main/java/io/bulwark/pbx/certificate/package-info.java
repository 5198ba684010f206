/**
 * The server's certificate, which HTTPS and SIP over TLS present: self-signed at the first start,
 * replaced by the administrator's own, checked before it is installed.
 */
package io.bulwark.pbx.certificate;
