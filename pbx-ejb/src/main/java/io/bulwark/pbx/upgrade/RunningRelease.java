package io.bulwark.pbx.upgrade;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The version of the release running now, as the EAR's application.xml declares it (the build
 * writes the project's version there, and a release package's manifest must name the same).
 */
@ApplicationScoped
public class RunningRelease {

  @Resource(lookup = "java:app/env/bulwark/version")
  private String version;

  public ReleaseVersion version() {
    return ReleaseVersion.parse(version);
  }
}
