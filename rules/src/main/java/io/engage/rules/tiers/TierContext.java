package io.engage.rules.tiers;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the tier rules need beyond spend: the date of the decision, when the current tier was last
 * reached or renewed (null when unknown: then no grace period applies), and an optional manual
 * override. An override always names its end date, so that it can never become a silent floor.
 */
public record TierContext(
    LocalDate today, LocalDate lastUpgradeOrRenewal, String manualOverrideTier, LocalDate overrideUntil) {

  public TierContext {
    Objects.requireNonNull(today, "today");
    if (manualOverrideTier != null && manualOverrideTier.isBlank()) {
      throw new IllegalArgumentException("manualOverrideTier must not be blank");
    }
    if (manualOverrideTier != null && overrideUntil == null) {
      throw new IllegalArgumentException("A manual override to " + manualOverrideTier + " needs an end date");
    }
  }

  /** A manual override that still holds today (rule grids test it as one boolean column). */
  public boolean isOverrideInForce() {
    return manualOverrideTier != null && !overrideUntil.isBefore(today);
  }

  /** No override; {@code lastUpgradeOrRenewal} may be null. */
  public static TierContext on(LocalDate today, LocalDate lastUpgradeOrRenewal) {
    return new TierContext(today, lastUpgradeOrRenewal, null, null);
  }
}
