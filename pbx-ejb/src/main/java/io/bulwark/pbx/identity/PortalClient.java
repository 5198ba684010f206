package io.bulwark.pbx.identity;

import io.bulwark.pbx.system.PortalAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Keycloak's client for the portal takes sign-ins returning to the addresses it is reached at. */
@ApplicationScoped
public class PortalClient {

  @Inject private KeycloakDirectory directory;

  void follow(@Observes PortalAddresses changed) {
    directory.portalAddresses(changed.addresses());
  }
}
