package io.bulwark.pbx.backup;

import io.bulwark.pbx.certificate.ServerCertificate;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The server's certificate in a backup that holds it: after the tables, a mark, then the chain and
 * the private key in PEM, encrypted with the rest. Restored through the certificate page's own
 * checks, so a certificate expired since the backup is reported, not installed.
 */
final class CertificateSection {

  private static final String MARK = "BULWARK-CERTIFICATE-1";

  private CertificateSection() {}

  /** The chain and key as PEM texts. */
  record Pems(String chain, String key) {
    @Override
    public String toString() {
      return "Pems[chain " + chain.length() + " characters, key withheld]";
    }
  }

  static void write(DataOutputStream out, ServerCertificate certificate) throws IOException {
    BackupArchive.writeString(out, MARK);
    BackupArchive.writeString(out, certificate.chainPem());
    BackupArchive.writeString(out, certificate.keyPem());
  }

  static Pems read(DataInputStream in) throws IOException {
    if (!MARK.equals(BackupArchive.readString(in))) {
      throw new IOException("its certificate is damaged");
    }
    return new Pems(BackupArchive.readString(in), BackupArchive.readString(in));
  }
}
