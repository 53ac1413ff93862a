package io.engage.engine.customer;

import java.time.Instant;
import java.time.LocalDate;

/** A customer row from an import file; absent fields are null and take the defaults. */
public record ImportedProfile(
    String id,
    String name,
    String email,
    String phone,
    LocalDate birthday,
    String timeZone,
    String locale,
    String preferredChannel,
    Instant registeredAt,
    boolean emailVerified,
    boolean phoneVerified) {}
