package io.bulwark.pbx.system;

/** The portal listens on {@code ports} from now on; fired in the transaction that keeps them. */
public record WebPortsMoved(WebPorts ports) {}
