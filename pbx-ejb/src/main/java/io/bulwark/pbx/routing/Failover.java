package io.bulwark.pbx.routing;

/**
 * When an outbound call tries the route's next trunk: the trunk failed (a 5xx, or no answer in
 * time, which a SIP client reports as 408), not the call. A 4xx or 6xx is the callee's or the
 * number's answer and would be the same through any provider, so it goes back to the caller.
 */
public final class Failover {

  private Failover() {}

  public static boolean triesNextTrunk(int finalStatus) {
    return finalStatus == 408 || (finalStatus >= 500 && finalStatus < 600);
  }
}
