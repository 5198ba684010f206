/**
 * The REST API under {@code /api/v1}: JSON in and out, bearer tokens from Keycloak, errors as
 * {@code application/problem+json} (RFC 9457) naming the wrong fields.
 */
package io.bulwark.pbx.web.api;
