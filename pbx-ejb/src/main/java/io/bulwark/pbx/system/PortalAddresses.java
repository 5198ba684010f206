package io.bulwark.pbx.system;

import java.util.List;

/**
 * The addresses the portal is reached at changed, the first the one links use: sign-ins must be
 * allowed to return to them. Fired synchronously, so a failing observer stops the change.
 */
public record PortalAddresses(List<String> addresses) {}
