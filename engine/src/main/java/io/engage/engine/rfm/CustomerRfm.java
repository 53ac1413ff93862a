package io.engage.engine.rfm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A customer's RFM values and scores as of a date, the named segment, and the CLV estimate. */
public record CustomerRfm(
    String customerId, LocalDate asOf, int recencyDays, int frequency, BigDecimal monetary, int rScore, int fScore,
    int mScore, String segment, BigDecimal clv, Instant computedAt) {}
