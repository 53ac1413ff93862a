package io.engage.rules.tiers;

import java.math.BigDecimal;

/** What the tier rules look at: the current tier and the last 12 months of paid orders. */
public record TierFact(String customerId, String currentTier, BigDecimal paidSpend12m, int paidOrders12m) {}
