/**
 * TCP admission for the SIP stack: a network layer whose server socket counts connections per
 * source address and whose connections close when idle or when one message takes too long, so that
 * neither many idle connections nor byte-at-a-time senders from one address can take the threads
 * that the RI's blocking TCP processor spends on every connection. Defaults and their reasons are
 * in {@link io.bulwark.sip.tcp.TcpLimits#DEFAULTS}.
 */
package io.bulwark.sip.tcp;
