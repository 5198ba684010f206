/**
 * The API's own rules for HTTP (bearer tokens only, bounded bodies) and the error answers of the
 * portal and the API, which never carry framework text.
 */
package io.bulwark.pbx.web.http;
