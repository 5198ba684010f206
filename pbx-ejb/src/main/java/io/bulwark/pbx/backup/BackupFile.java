package io.bulwark.pbx.backup;

/** A backup in the backup folder: its file name, size in bytes, and what its manifest says. */
public record BackupFile(String name, long bytes, BackupManifest manifest) {}
