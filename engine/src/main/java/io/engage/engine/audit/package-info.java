/**
 * The append-only audit log: who did what, when and from where. Features record through
 * {@link io.engage.engine.audit.AuditTrail}; every successful API change is recorded as well; ADMIN
 * searches it at {@code GET /api/admin/audit}.
 */
package io.engage.engine.audit;
