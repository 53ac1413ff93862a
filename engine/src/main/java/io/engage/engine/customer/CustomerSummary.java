package io.engage.engine.customer;

import io.engage.engine.platform.pii.PersonalData;

/** A search hit. */
public record CustomerSummary(String id, @PersonalData(PersonalData.Kind.NAME) String name,
    @PersonalData(PersonalData.Kind.EMAIL) String email, String tier) {}
