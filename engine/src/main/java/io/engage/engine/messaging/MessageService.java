package io.engage.engine.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The messaging feature's sending API. One message per idempotency key: the first request records
 * it (durably, before anything is sent), every repeat finds the same message and sends nothing.
 *
 * <p>Retries have one schedule, kept on the message row (attempts, next attempt time from the
 * connectors' retry policy: exponential backoff with full jitter, honouring a provider's
 * Retry-After), and two alarm clocks that wake it: the Zeebe job for a journey step (failed with
 * that backoff, its retries kept), and the {@link MessageDispatcher} for everything else.
 */
@Service
public class MessageService {

  public static final String JOURNEY_ENDED = "journey-ended";
  static final Set<String> CHANNELS = Set.of(DeliveryPolicy.PREFERRED, "email", "sms", "push", "wechat");
  static final Set<String> CATEGORIES = Set.of(Message.MARKETING, Message.TRANSACTIONAL);

  private final MessageMapper mapper;
  private final MessageDelivery delivery;
  private final MessageDispatcher dispatcher;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;
  private final Clock clock;

  MessageService(MessageMapper mapper, MessageDelivery delivery, MessageDispatcher dispatcher,
      TransactionTemplate transactions, ObjectMapper json, Clock clock) {
    this.mapper = mapper;
    this.delivery = delivery;
    this.dispatcher = dispatcher;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Records the message and makes its first attempt now, on this thread. Returns where it stands:
   * settled, or {@code QUEUED} with the reason and {@link Message#nextAttemptAt()} (quiet hours,
   * a retry after a transient failure, a configuration problem).
   */
  public Message send(SendRequest request) {
    return sendNow(request).message();
  }

  /** Records the message for the dispatcher, which sends it within moments of the commit. */
  public Message enqueue(SendRequest request) {
    return transactions.execute(status -> {
      Message message = accept(request);
      wakeDispatcherAfterCommit();
      return message;
    });
  }

  /**
   * A journey instance ended (completed, cancelled, left): its messages still queued (waiting for
   * quiet hours to end, or for a retry) are suppressed with reason {@value #JOURNEY_ENDED}. Their
   * Zeebe job is gone, and a customer who left the journey (e.g. by ordering) must not get its
   * reminder in the morning. Joins the caller's transaction.
   */
  public int suppressQueuedOfEndedJourney(long processInstanceKey) {
    return transactions.execute(status -> delivery.suppressQueuedOf(processInstanceKey, JOURNEY_ENDED));
  }

  public Optional<Message> find(String idempotencyKey) {
    return Optional.ofNullable(mapper.findByKey(idempotencyKey));
  }

  public Optional<Message> find(long id) {
    return Optional.ofNullable(mapper.findById(id));
  }

  MessageDelivery.Attempt sendNow(SendRequest request) {
    transactions.executeWithoutResult(status -> accept(request));
    return delivery.attempt(request.idempotencyKey());
  }

  /** Records a staff notification for the dispatcher (in the caller's transaction, if any). */
  Message enqueueStaff(String idempotencyKey, String role, String recipient, String template, String vars) {
    return transactions.execute(status -> {
      mapper.insertIfAbsent(new MessageMapper.NewMessage(idempotencyKey, null, Message.STAFF, role, "staff", "email",
          template, Message.TRANSACTIONAL, recipient, vars, null, null, null, clock.instant()));
      wakeDispatcherAfterCommit();
      return mapper.findByKey(idempotencyKey);
    });
  }

  /** A staff notification nobody can receive, recorded as suppressed so the gap is visible. */
  Message recordUnreachableStaff(String idempotencyKey, String role, String template, String vars) {
    return transactions.execute(status -> {
      if (mapper.insertIfAbsent(new MessageMapper.NewMessage(idempotencyKey, null, Message.STAFF, role, "staff",
          "email", template, Message.TRANSACTIONAL, null, vars, null, null, null, clock.instant())) == 1) {
        Message message = mapper.findByKey(idempotencyKey);
        mapper.settle(message.id(), Message.SUPPRESSED, "no staff address for role " + role, "EMAIL", null, null,
            null, null, null, null, 0, null, clock.instant());
      }
      return mapper.findByKey(idempotencyKey);
    });
  }

  private Message accept(SendRequest request) {
    check(request);
    mapper.insertIfAbsent(new MessageMapper.NewMessage(request.idempotencyKey(), request.customerId(),
        Message.CUSTOMER, null, request.fromJourney() ? "journey" : "api",
        request.channel().toLowerCase(Locale.ROOT), request.template(), request.category(), null,
        write(request), request.journey(), request.processInstanceKey(), request.elementId(), clock.instant()));
    return mapper.findByKey(request.idempotencyKey());
  }

  private static void check(SendRequest request) {
    if (request.idempotencyKey() == null || request.idempotencyKey().isBlank() || request.idempotencyKey().length() > 191) {
      throw new IllegalArgumentException("an idempotency key of 1-191 characters is required");
    }
    if (request.customerId() == null || request.template() == null) {
      throw new IllegalArgumentException("customerId and template are required");
    }
    if (!CHANNELS.contains(request.channel().toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("channel must be one of " + CHANNELS + ", not " + request.channel());
    }
    if (!CATEGORIES.contains(request.category())) {
      throw new IllegalArgumentException("category must be one of " + CATEGORIES + ", not " + request.category());
    }
  }

  private String write(SendRequest request) {
    try {
      return json.writeValueAsString(request.vars());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("vars must be plain values", e);
    }
  }

  private void wakeDispatcherAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          dispatcher.wakeUp();
        }
      });
    } else {
      dispatcher.wakeUp();
    }
  }
}
