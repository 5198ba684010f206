/**
 * Inbound and outbound routes and the policies that apply them.
 *
 * <p>A {@link io.bulwark.pbx.routing.DialPattern} is the administrator's pattern syntax ({@code X Z
 * N [1-5] . !}) with strip and prepend. {@link io.bulwark.pbx.routing.OutboundRoute} and {@link
 * io.bulwark.pbx.routing.InboundRoute} are the stored routes in their order; each gives an
 * immutable rule, and {@link io.bulwark.pbx.routing.OutboundRouting} and {@link
 * io.bulwark.pbx.routing.InboundRouting} pick the first rule that applies to a call. {@link
 * io.bulwark.pbx.routing.RoutingTable} keeps both policies in memory for the SIP threads.
 */
package io.bulwark.pbx.routing;
