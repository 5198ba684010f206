package io.bulwark.pbx.system;

/** The SSH service listens on {@code port} from now on; fired in the transaction that saves it. */
public record SshPortMoved(int port) {}
