package io.bulwark.pbx.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.extension.SipAccount;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LinphoneConfigTest {

  @Test
  void theDocumentRegistersAsTheExtensionWithItsAuthenticationName() throws Exception {
    String xml =
        LinphoneConfig.of(
            new SipAccount("2101", "Ada \"The\" <Countess>", "ada2101", "S3cret&<Pass>\""),
            "pbx.example.com",
            5060);
    Document document =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertEquals("<sip:pbx.example.com:5060;transport=udp>", entry(document, "reg_proxy"));
    assertEquals(
        "\"Ada The <Countess>\" <sip:2101@pbx.example.com>", entry(document, "reg_identity"));
    assertEquals("2101", entry(document, "username"));
    assertEquals("ada2101", entry(document, "userid"));
    assertEquals("S3cret&<Pass>\"", entry(document, "passwd"), "escaped, and read back whole");
  }

  @Test
  void aLinkWorksOnceAndNotAfterItsExpiry() {
    Instant until = Instant.parse("2026-12-01T10:15:00Z");
    ProvisioningLink link = new ProvisioningLink("hash", "2101", until);
    assertFalse(link.spend(until), "expired at its expiry");
    ProvisioningLink fresh = new ProvisioningLink("hash", "2101", until);
    assertTrue(fresh.spend(until.minusSeconds(1)));
    assertFalse(fresh.spend(until.minusSeconds(1)), "spent");
  }

  private static String entry(Document document, String name) {
    NodeList entries = document.getElementsByTagName("entry");
    for (int i = 0; i < entries.getLength(); i++) {
      Element entry = (Element) entries.item(i);
      if (entry.getAttribute("name").equals(name)) {
        return entry.getTextContent();
      }
    }
    throw new AssertionError("no entry " + name);
  }
}
