package io.bulwark.pbx.sip.media;

/** What rtpengine relayed for one call so far, both directions together. */
public record MediaTotals(long rtpPackets, long rtpBytes, long rtcpPackets) {}
