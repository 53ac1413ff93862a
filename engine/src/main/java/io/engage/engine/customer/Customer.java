package io.engage.engine.customer;

import io.engage.engine.platform.pii.PersonalData;
import java.time.Instant;
import java.time.LocalDate;

/** A customer profile. name, email, phone and address are personal data. */
public record Customer(
    String id,
    @PersonalData(PersonalData.Kind.NAME) String name,
    @PersonalData(PersonalData.Kind.EMAIL) String email,
    @PersonalData(PersonalData.Kind.PHONE) String phone,
    @PersonalData String address,
    @PersonalData(PersonalData.Kind.BIRTHDAY) LocalDate birthday,
    String timeZone,
    String locale,
    String preferredChannel,
    String tier,
    String referralCode,
    String referredBy,
    Instant registeredAt,
    Instant createdAt,
    Instant updatedAt) {}
