package io.engage.engine.customer;

import java.time.Instant;
import java.time.LocalDate;

/** A customer profile. name, email, phone and address are personal data. */
public record Customer(
    String id,
    String name,
    String email,
    String phone,
    String address,
    LocalDate birthday,
    String timeZone,
    String locale,
    String preferredChannel,
    String tier,
    String referralCode,
    String referredBy,
    Instant registeredAt,
    Instant createdAt,
    Instant updatedAt) {}
