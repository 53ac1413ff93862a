package io.engage.engine.platform.zeebe;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.FinalCommandStep;
import io.grpc.Status;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zeebe answers that mean "already done" rather than failure. Zeebe delivers jobs at least once,
 * so the answer to a repeated job may find the job completed or its instance cancelled
 * (NOT_FOUND); a publish that repeats a buffered message id is refused with ALREADY_EXISTS. Both
 * are the outcome the caller wanted: retrying them only loops, and logging them as errors cries wolf.
 */
public final class ZeebeAnswers {

  private static final Logger log = LoggerFactory.getLogger(ZeebeAnswers.class);

  private ZeebeAnswers() {}

  /**
   * Sends a job's answer (complete, fail, throw error, cancel) and waits for it; true when Zeebe
   * took it, false when the job or instance is already gone. Other refusals are thrown.
   */
  public static boolean answerJob(FinalCommandStep<?> command, long jobKey) {
    try {
      command.send().join();
      return true;
    } catch (ClientStatusException | CompletionException e) {
      if (statusOf(e) == Status.Code.NOT_FOUND) {
        log.debug("Job {} was already answered or its instance ended: {}", jobKey, e.getMessage());
        return false;
      }
      throw e;
    }
  }

  /** Whether a publish failed only because Zeebe already holds a message with this id. */
  public static boolean isDuplicateMessage(Throwable error) {
    return statusOf(error) == Status.Code.ALREADY_EXISTS;
  }

  /** The gRPC status code somewhere in a failure's causes, or null. */
  static Status.Code statusOf(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ClientStatusException status) {
        return status.getStatusCode();
      }
      if (cause instanceof io.grpc.StatusRuntimeException status) {
        return status.getStatus().getCode();
      }
    }
    return null;
  }
}
