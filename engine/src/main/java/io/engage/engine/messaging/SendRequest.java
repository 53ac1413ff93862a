package io.engage.engine.messaging;

/**
 * What a journey step (or another feature) asks to send. {@code category} is {@code marketing}
 * (needs consent) or {@code transactional}.
 */
public record SendRequest(
    String idempotencyKey, String customerId, String channel, String template, String category, String journey,
    Long processInstanceKey, String elementId) {}
