/**
 * SIP extensions and their credentials.
 *
 * <p>An {@link io.bulwark.pbx.extension.Extension} is a phone account: its number, caller ID,
 * registration name and encrypted registration password. {@link
 * io.bulwark.pbx.extension.ExtensionDirectory} keeps every extension's digest credentials in memory
 * for the registrar; where the phones are registered is the {@link io.bulwark.pbx.location}
 * package's business.
 */
package io.bulwark.pbx.extension;
