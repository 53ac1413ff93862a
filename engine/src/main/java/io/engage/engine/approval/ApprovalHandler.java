package io.engage.engine.approval;

import org.springframework.security.core.Authentication;

/** Performs one kind of change once it is approved; a Spring bean in the feature that owns it. */
public interface ApprovalHandler {

  /** The kind this handler performs, e.g. {@code rules.activate}. */
  String kind();

  /** Refuses (with an ApiProblemException, 403) an approver whose role may not make this change. */
  void checkApprover(Approval approval, Authentication approver);

  /** Makes the change as the approver; the answer is returned to them. Runs in the approval's transaction. */
  Object perform(Approval approval, Authentication approver);
}
