/**
 * Upgrade: signed Bulwark release packages found at a source (a folder or an HTTPS address),
 * checked daily under the guide's policy (never, notify, install automatically), and installed by a
 * program that outlives the deployment it replaces: it snapshots the database, deploys the new EAR
 * through WildFly's management interface, and puts the previous EAR and the snapshot back when the
 * new release does not answer healthy. The history keeps every install and how it ended.
 */
package io.bulwark.pbx.upgrade;
