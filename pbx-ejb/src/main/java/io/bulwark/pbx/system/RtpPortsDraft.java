package io.bulwark.pbx.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** The media relay's RTP range as an administrator asks for it. */
public record RtpPortsDraft(Integer min, Integer max) {

  /** Below it are the ports systems reserve for their services. */
  static final int LOWEST = 1024;

  /** Fifty calls at once, each two pairs of ports. */
  static final int SMALLEST = 200;

  /**
   * What is wrong with the draft.
   *
   * @param now the range the relay has, whose ports it holds itself
   * @param others the ports the other services use here, by their names
   * @param taken whether another program holds a UDP port
   */
  public List<FieldViolation> violations(RtpPorts now, List<PortUse> others, IntPredicate taken) {
    List<FieldViolation> found = new ArrayList<>();
    String range = "A port from " + LOWEST + " to 65535";
    if (min == null || min < LOWEST || min > 65_535) {
      found.add(new FieldViolation("rtpPortMin", range));
    }
    if (max == null || max < LOWEST || max > 65_535) {
      found.add(new FieldViolation("rtpPortMax", range));
    }
    if (!found.isEmpty()) {
      return found;
    }
    if (max < min) {
      found.add(new FieldViolation("rtpPortMax", "The last port comes after the first"));
      return found;
    }
    if (max - min + 1 < SMALLEST) {
      found.add(
          new FieldViolation(
              "rtpPortMax", "At least " + SMALLEST + " ports, for 50 calls at once"));
      return found;
    }
    for (PortUse use : others) {
      if (use.from() <= max && use.to() >= min) {
        found.add(
            new FieldViolation(
                "rtpPortMin",
                "The range holds port "
                    + Math.max(use.from(), min)
                    + ", used by "
                    + use.service()));
        return found;
      }
    }
    for (int port = min; port <= max; port++) {
      if (!now.covers(port) && taken.test(port)) {
        found.add(
            new FieldViolation(
                "rtpPortMin", "Port " + port + " in the range is in use by another program"));
        break;
      }
    }
    return found;
  }

  public RtpPorts ports() {
    return new RtpPorts(min, max);
  }
}
