package io.bulwark.pbx.onboarding;

import io.bulwark.pbx.extension.SipAccount;

/**
 * Linphone's remote provisioning document for one SIP account: what the app's "fetch remote
 * configuration" reads to register as the extension, over UDP to {@code host}:{@code port}.
 */
final class LinphoneConfig {

  private LinphoneConfig() {}

  static String of(SipAccount account, String host, int port) {
    String identity = "sip:" + account.number() + "@" + host;
    String name = account.displayName() == null ? "" : account.displayName();
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <config xmlns="http://www.linphone.org/xsds/lpconfig.xsd">
          <section name="proxy_0">
            <entry name="reg_proxy">%s</entry>
            <entry name="reg_identity">%s</entry>
            <entry name="reg_expires">3600</entry>
            <entry name="reg_sendregister">1</entry>
            <entry name="realm">%s</entry>
          </section>
          <section name="auth_info_0">
            <entry name="username">%s</entry>
            <entry name="userid">%s</entry>
            <entry name="passwd">%s</entry>
            <entry name="domain">%s</entry>
          </section>
          <section name="sip">
            <entry name="default_proxy">0</entry>
            <entry name="contact">%s</entry>
          </section>
        </config>
        """
        .formatted(
            xml("<sip:" + host + ":" + port + ";transport=udp>"),
            xml("\"" + name.replace("\"", "") + "\" <" + identity + ">"),
            xml(host),
            xml(account.number()),
            xml(account.authName()),
            xml(account.password()),
            xml(host),
            xml("\"" + name.replace("\"", "") + "\" <" + identity + ">"));
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
