/**
 * Network defense: the sources kept out of SIP and the web, and why.
 *
 * <p>{@link io.bulwark.pbx.defense.BlockEntry} rows are the Blocked IPs list; {@link
 * io.bulwark.pbx.defense.DefenseService} adds and lifts them and raises each change as an event.
 * What SIP asks for every datagram is answered from memory: {@link
 * io.bulwark.pbx.defense.BlockTable} loads the blocks in force at start and after every committed
 * change into {@link io.bulwark.pbx.defense.BlockedSources}, a snapshot read without locks, in
 * which a block stops counting the moment it expires. Addresses and networks are {@link
 * io.bulwark.pbx.defense.CidrBlock}s, parsed from literals only, so no check ever waits on a name
 * server.
 */
package io.bulwark.pbx.defense;
