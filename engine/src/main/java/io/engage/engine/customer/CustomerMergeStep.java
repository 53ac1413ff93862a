package io.engage.engine.customer;

import java.util.Map;

/**
 * One feature's part of merging two profiles: move what it keeps for {@code mergedId} to
 * {@code survivorId} without losing or doubling anything. Runs in the merge's transaction, with
 * both customers locked; returns what it moved (e.g. {@code orders: 3}) for the merge record.
 */
public interface CustomerMergeStep {

  /** Short name for the merge record, e.g. {@code loyalty}. */
  String name();

  Map<String, Object> move(String mergedId, String survivorId);
}
