/**
 * SIP trunks: the providers calls leave through and arrive from.
 *
 * <p>A {@link io.bulwark.pbx.trunk.Trunk} is either a register trunk (Bulwark registers to the
 * provider with digest credentials, stored encrypted) or a peer trunk (the provider is recognised
 * by its address). {@link io.bulwark.pbx.trunk.TrunkDirectory} keeps every trunk in memory as
 * {@link io.bulwark.pbx.trunk.Trunks} for the SIP side, and {@link
 * io.bulwark.pbx.trunk.TrunkStatusBoard} holds what the registration client last reported.
 */
package io.bulwark.pbx.trunk;
