package io.engage.rules.points;

import java.math.BigDecimal;

/** One line of a paid order; {@code amount} is what was paid for the line. */
public record OrderLine(String sku, String category, BigDecimal amount, int quantity) {}
