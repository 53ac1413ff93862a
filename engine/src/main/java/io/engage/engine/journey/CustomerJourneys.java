package io.engage.engine.journey;

import io.engage.engine.messaging.Message;
import io.engage.engine.messaging.MessageHistory;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * One customer's journeys: every instance, each step taken and when (with the element's name), the
 * messages each instance sent or suppressed with the reason, and the entry triggers of the scans.
 */
@Service
class CustomerJourneys {

  private static final int RECENT = 500;
  private final JourneyMapper mapper;
  private final JourneyCatalog catalog;
  private final MessageHistory messages;
  private final TriggerMapper triggers;

  CustomerJourneys(JourneyMapper mapper, JourneyCatalog catalog, MessageHistory messages, TriggerMapper triggers) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.messages = messages;
    this.triggers = triggers;
  }

  record Step(String elementId, String name, Instant at) {}

  record Instance(long processInstanceKey, String journey, int version, String status, Instant startedAt,
      Instant endedAt, List<Step> steps, List<Message> messages) {}

  record Trigger(String journey, String triggerId, String message, Instant at) {}

  record View(String customerId, List<Instance> instances, List<Message> otherMessages, List<Trigger> triggers) {}

  View of(String customerId) {
    List<Message> sent = messages.forCustomer(customerId, RECENT);
    List<Instance> instances = mapper.findInstances(customerId).stream().map(instance -> {
      JourneyModel model = model(instance.journey(), instance.version());
      List<Step> steps = instance.steps().stream()
          .map(s -> new Step(s.elementId(), model == null ? null : model.nameOf(s.elementId()), s.occurredAt()))
          .toList();
      List<Message> own = sent.stream()
          .filter(m -> m.processInstanceKey() != null && m.processInstanceKey() == instance.processInstanceKey())
          .toList();
      return new Instance(instance.processInstanceKey(), instance.journey(), instance.version(), instance.status(),
          instance.startedAt(), instance.endedAt(), steps, own);
    }).toList();
    List<Message> other = sent.stream().filter(m -> instances.stream()
        .noneMatch(i -> m.processInstanceKey() != null && m.processInstanceKey() == i.processInstanceKey())).toList();
    List<Trigger> scanTriggers = triggers.findForCustomer(customerId).stream()
        .map(t -> new Trigger(t.journey(), t.triggerId(), t.messageName(), t.createdAt())).toList();
    return new View(customerId, instances, other, scanTriggers);
  }

  private JourneyModel model(String journey, int version) {
    return catalog.version(journey, version).isPresent() ? catalog.model(journey, version) : null;
  }
}
