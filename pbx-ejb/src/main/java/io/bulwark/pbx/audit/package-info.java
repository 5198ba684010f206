/**
 * The audit log: who changed what in the configuration, when, from which address, with the values
 * before and after. Every entity write made while an administrator's request is being served is
 * seen by {@link io.bulwark.pbx.audit.AuditListener} and written down once its transaction commits;
 * writes of the running system (registrations, call records, automatic blocks) are not
 * administrators' changes and are not audited.
 */
package io.bulwark.pbx.audit;
