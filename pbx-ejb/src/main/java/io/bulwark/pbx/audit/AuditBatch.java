package io.bulwark.pbx.audit;

import java.util.List;

/** The audit entries of one committed transaction, to be written down. */
public record AuditBatch(List<AuditEntry> entries) {}
