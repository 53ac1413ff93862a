package io.engage.engine.loyalty;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param returnWindow points of an order stay pending this long, until it can no longer be returned
 * @param expiryYearsAfterEarning points expire at the end of the calendar year this many years after
 *     the year they were earned (1 = "end of next year", a common 京豆-style policy)
 * @param zone the business time zone that calendar years are counted in
 * @param pointValue what one point is worth in money (100 京豆 = 1 yuan: 0.01), for liability figures
 */
@ConfigurationProperties("engage.loyalty")
public record LoyaltyProperties(Duration returnWindow, int expiryYearsAfterEarning, ZoneId zone, BigDecimal pointValue) {}
