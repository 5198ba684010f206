/**
 * Network defense: which sources reach SIP at all, and why not.
 *
 * <p>{@link io.bulwark.pbx.defense.Firewall} decides for every datagram, connection, request and
 * failed authentication, in the guide's order: Blocked IPs ({@link
 * io.bulwark.pbx.defense.BlockEntry}), then the first matching static defense rule ({@link
 * io.bulwark.pbx.defense.StaticRule}; Accept exempts the source from all automatic blocks), then
 * the auto defense rates ({@link io.bulwark.pbx.defense.AutoDefenseRule}, counted per source by
 * {@link io.bulwark.pbx.defense.RateCounter}), the registration lockout and the scanner user agents
 * ({@link io.bulwark.pbx.defense.DefenseSettings}). A block it decides is in force at once in
 * memory and written down afterwards by {@link io.bulwark.pbx.defense.DefenseService}, so no packet
 * waits for the database. {@link io.bulwark.pbx.defense.DefenseTable} loads blocks, rules and
 * settings at start and after every committed change. Addresses and networks are {@link
 * io.bulwark.pbx.defense.CidrBlock}s, parsed from literals only, so no check waits on a name
 * server.
 */
package io.bulwark.pbx.defense;
