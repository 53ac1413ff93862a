package io.engage.engine.lifecycle;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lifecycle thresholds, in whole days of the customer's own calendar (their time zone):
 * new while the first paid order is fewer than {@code newDays} days ago; at-risk when the last paid
 * order is more than max({@code atRiskMinDays}, {@code atRiskIntervalFactor} x the customer's mean
 * interval between paid orders) days ago; churned when it is at least {@code churnedDays} days ago;
 * loyal when the F score is at least {@code loyalFrequencyScore} or the tier is one of
 * {@code loyalTiers}. A run over every customer (or a zone's) reads and writes on {@code threads}
 * connections at once, each over its own range of customer ids.
 */
@ConfigurationProperties("engage.lifecycle")
public record LifecycleProperties(
    @DefaultValue("30") int newDays,
    @DefaultValue("90") int atRiskMinDays,
    @DefaultValue("1.5") BigDecimal atRiskIntervalFactor,
    @DefaultValue("180") int churnedDays,
    @DefaultValue("5") int loyalFrequencyScore,
    @DefaultValue({"GOLD", "PLUS"}) Set<String> loyalTiers,
    @DefaultValue("Asia/Shanghai") ZoneId defaultZone,
    @DefaultValue("0 */15 * * * *") String zoneRunCron,
    @DefaultValue("0 30 3 * * *") String recomputeCron,
    @DefaultValue("Asia/Shanghai") String recomputeCronZone,
    @DefaultValue("1000") int batchSize,
    @DefaultValue("2") int threads) {}
