package io.bulwark.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR exactly as the appliance installs it, deployed as a black box. */
public final class BulwarkDeployment {

  private BulwarkDeployment() {}

  public static EnterpriseArchive ear() {
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, TestEnvironment.ear().toFile());
  }
}
