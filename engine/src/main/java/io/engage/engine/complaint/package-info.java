/**
 * Complaints: stored from {@code complaint.opened}, {@code complaint.resolved} and
 * {@code survey.answered} events; escalated by the complaint-escalation journey through the
 * workers {@code engage:decide-escalation}, {@code engage:escalate-complaint} and
 * {@code engage:reopen-complaint}, which apply the active escalation rule set and record each
 * decision with its explanation and the staff roles notified. The queue for service staff is
 * {@code GET /api/complaints}.
 */
package io.engage.engine.complaint;
