package io.bulwark.keycloak;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AllowedDomainsTest {

  private final AllowedDomains contoso = AllowedDomains.parse(" Contoso.com, example.org ,,");

  @Test
  void anAddressInAnAllowedDomainIsAdmittedWhateverItsCase() {
    assertTrue(contoso.admits("ada@contoso.com"));
    assertTrue(contoso.admits("Ada@CONTOSO.COM"));
    assertTrue(contoso.admits("bob@example.org"));
  }

  @Test
  void anotherDomainASubdomainOrNoAddressIsNot() {
    assertFalse(contoso.admits("eve@evil.test"));
    assertFalse(contoso.admits("eve@mail.contoso.com"));
    assertFalse(contoso.admits("eve@contoso.com.evil.test"));
    assertFalse(contoso.admits("contoso.com"));
    assertFalse(contoso.admits(null));
  }

  @Test
  void noDomainsTrustTheTenant() {
    assertTrue(AllowedDomains.parse("").admits("anyone@anywhere.test"));
    assertTrue(AllowedDomains.parse(null).admits(null));
  }
}
