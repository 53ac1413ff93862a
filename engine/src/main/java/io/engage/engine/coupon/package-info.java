/**
 * Coupons: issued to a customer by a journey step ({@code engage:issue-coupon}), once per
 * idempotency key, with a value, a minimum spend and an expiry; listed per customer and in the 360.
 * A feature of its own rather than part of loyalty: a coupon is a one-off offer with its own code
 * and lifetime, not a movement in the points ledger, and journeys and the 360 read it directly.
 */
package io.engage.engine.coupon;
