/**
 * Backup and restore: the database's tables, chosen by content, written through gzip into an
 * archive encrypted with AES-256-GCM under a key derived from a passphrase; a manifest in clear
 * says what is inside and holds the checksum of the rest, so a wrong file, a flipped byte or a
 * wrong passphrase is refused before anything is touched, and a restore replaces the chosen tables
 * in one transaction, or nothing.
 */
package io.bulwark.pbx.backup;
