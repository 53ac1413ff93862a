package io.engage.rules.points;

import java.math.BigDecimal;

/** What one order spent in one category; the category bonus rules match on it. */
public final class CategorySpend {

  private final int key;
  private final String category;
  private final BigDecimal amount;

  CategorySpend(int key, String category, BigDecimal amount) {
    this.key = key;
    this.category = category;
    this.amount = amount;
  }

  /** The {@link PointsCalculation} this belongs to. */
  public int getKey() {
    return key;
  }

  public String getCategory() {
    return category;
  }

  public BigDecimal getAmount() {
    return amount;
  }
}
