package io.bulwark.pbx.trunk;

/** The SIP transport towards a trunk's provider. */
public enum Transport {
  UDP,
  TCP
}
