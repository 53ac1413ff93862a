package io.engage.engine.event;

import java.time.LocalDate;
import java.util.Map;

/** The data of a {@code customer.registered} event; absent optional fields are null. */
public record CustomerRegistered(
    String name,
    String email,
    String phone,
    String address,
    LocalDate birthday,
    String timeZone,
    String locale,
    String preferredChannel,
    String referralCode,
    String referredBy,
    Map<String, Boolean> consents,
    Boolean emailVerified,
    Boolean phoneVerified) {}
