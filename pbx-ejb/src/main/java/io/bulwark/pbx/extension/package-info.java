/**
 * SIP extensions and where they are registered.
 *
 * <p>An {@link io.bulwark.pbx.extension.Extension} is a phone account: its number, caller ID,
 * registration name and encrypted registration password. {@link
 * io.bulwark.pbx.extension.RegistrationBinding}s record the contacts a phone registered (RFC 3261
 * section 10); {@link io.bulwark.pbx.extension.RegistrationRules} decides how a REGISTER changes
 * them.
 */
package io.bulwark.pbx.extension;
