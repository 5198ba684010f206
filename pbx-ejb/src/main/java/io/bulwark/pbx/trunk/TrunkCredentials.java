package io.bulwark.pbx.trunk;

/**
 * Digest credentials Bulwark presents to a provider: the user of the From and To (and of the
 * REGISTER's address of record), the digest username and the password, decrypted in memory only.
 */
public record TrunkCredentials(String username, String authName, String password) {

  @Override
  public String toString() {
    return "TrunkCredentials[" + username + "/" + authName + "]";
  }
}
