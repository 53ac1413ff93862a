package io.engage.engine.platform.outbox;

/**
 * Does the work queued under one outbox topic for one stored event. Runs inside a transaction that
 * also marks the row done, so database effects happen exactly once; effects outside the database
 * (a Zeebe message) happen at least once and must tolerate a repeat.
 */
public interface OutboxHandler {

  String topic();

  void handle(String eventId) throws Exception;

  /**
   * Whether a row that keeps failing is parked for a person after the configured attempts. Work
   * that waits on an outside system that may be down for a while (Zeebe) keeps retrying instead.
   */
  default boolean parksAfterRepeatedFailures() {
    return true;
  }
}
