/**
 * Four-eyes approval of risky changes (activating reward rules, publishing a journey to a large
 * audience): the change is stored as pending and performed when a second user with the right role
 * approves it. Features plug in an {@link io.engage.engine.approval.ApprovalHandler} per kind of
 * change, so this package knows none of them.
 */
package io.engage.engine.approval;
