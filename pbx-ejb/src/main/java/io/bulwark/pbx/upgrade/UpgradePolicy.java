package io.bulwark.pbx.upgrade;

/** Maintenance > Upgrade, Automatic Upgrade: the guide's three choices. */
public enum UpgradePolicy {
  /** Never check for updates. */
  NEVER("Never check for updates"),
  /** Check for updates and notify me. */
  NOTIFY("Check for updates and notify me"),
  /** Check for updates and automatically install. */
  AUTO("Check for updates and automatically install");

  private final String label;

  UpgradePolicy(String label) {
    this.label = label;
  }

  public String getLabel() {
    return label;
  }
}
