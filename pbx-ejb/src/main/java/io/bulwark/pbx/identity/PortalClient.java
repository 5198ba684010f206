package io.bulwark.pbx.identity;

import io.bulwark.pbx.system.PortalAddresses;
import io.bulwark.pbx.system.PublicAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Keycloak follows the portal to the addresses it is reached at: its client for the portal takes
 * sign-ins returning there, and its own pages, served through the portal, are linked at the first.
 */
@ApplicationScoped
public class PortalClient {

  @Inject private KeycloakDirectory directory;

  void follow(@Observes PortalAddresses changed) {
    directory.portalAddresses(changed.addresses());
    String first = changed.addresses().get(0);
    // Keycloak was started on the launcher's address: the realm then needs no address of its own.
    directory.frontendUrl(first.equals(PublicAddress.launched()) ? "" : first);
  }
}
