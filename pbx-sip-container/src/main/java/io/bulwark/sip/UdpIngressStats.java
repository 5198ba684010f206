package io.bulwark.sip;

/**
 * What the UDP ingress did so far: datagrams received, dropped with a lane full or after waiting
 * too long, requests answered 503 instead of served; how many wait now, the most that ever waited
 * and how many may.
 */
public record UdpIngressStats(
    long received,
    long droppedFull,
    long droppedStale,
    long refused,
    int queued,
    int highWater,
    int capacity) {}
