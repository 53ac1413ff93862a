package io.engage.engine.dashboard;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zone}: the calendar whose days, weeks (Monday first) and months the charts count in.
 * {@code maxBuckets}: the most points the time chart asks the database for (a year of days fits).
 */
@ConfigurationProperties("engage.dashboards")
public record DashboardProperties(
    @DefaultValue("Asia/Shanghai") ZoneId zone,
    @DefaultValue("400") int maxBuckets) {}
