package io.engage.engine.customer;

import io.engage.engine.event.CustomerRegistered;
import io.engage.engine.event.EventHandler;
import io.engage.engine.event.EventType;
import io.engage.engine.event.Events;
import io.engage.engine.event.StoredEvent;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code customer.registered}: creates or completes the profile and records the consents given. */
@Component
@Order(EventHandler.RECORDS)
class RegistrationHandler implements EventHandler {

  private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private final CustomerMapper mapper;
  private final Events events;
  private final ContactLookup lookup;
  private final SecureRandom random = new SecureRandom();

  RegistrationHandler(CustomerMapper mapper, Events events, ContactLookup lookup) {
    this.mapper = mapper;
    this.events = events;
    this.lookup = lookup;
  }

  @Override
  public Set<EventType> types() {
    return Set.of(EventType.CUSTOMER_REGISTERED);
  }

  @Override
  public void handle(StoredEvent event) {
    CustomerRegistered data = events.customerRegistered(event);
    Instant now = Instant.now();
    String referralCode = data.referralCode() != null && mapper.countByReferralCode(data.referralCode()) == 0
        ? data.referralCode()
        : newReferralCode();
    Customer profile = new Customer(event.customerId(), data.name(), data.email(), data.phone(), data.address(),
        data.birthday(), data.timeZone(), data.locale(), data.preferredChannel(), Customers.DEFAULT_TIER,
        referralCode, data.referredBy(), event.occurredAt(), now, now);
    if (mapper.insertIfAbsent(profile) == 0) {
      mapper.updateRegistration(profile);
    }
    mapper.updateContactPoints(event.customerId(), lookup.emailKey(data.email()), lookup.phoneKey(data.phone()),
        data.emailVerified(), data.phoneVerified());
    Map<String, Boolean> consents = data.consents() == null ? Map.of() : data.consents();
    consents.forEach((channel, granted) ->
        mapper.recordConsent(new Consent(event.customerId(), channel, granted, "registration:" + event.eventId(), event.occurredAt())));
  }

  private String newReferralCode() {
    while (true) {
      StringBuilder code = new StringBuilder(8);
      for (int i = 0; i < 8; i++) {
        code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
      }
      if (mapper.countByReferralCode(code.toString()) == 0) {
        return code.toString();
      }
    }
  }
}
