package io.bulwark.pbx.backup;

/** Where backups are copied: a server, the account on it, its folder and its host key. */
record SftpTarget(
    String host, int port, String username, String password, String directory, String hostKey) {

  @Override
  public String toString() {
    return "sftp://" + username + "@" + host + ":" + port + "/" + directory;
  }
}
