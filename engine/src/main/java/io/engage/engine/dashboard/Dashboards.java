package io.engage.engine.dashboard;

import io.engage.engine.platform.web.FieldError;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dashboards' figures; each is one query in the database. */
@Service
public class Dashboards {

  private static final int DEFAULT_DAYS = 30;

  private final DashboardMapper mapper;
  private final DashboardProperties properties;
  private final Clock clock;

  Dashboards(DashboardMapper mapper, DashboardProperties properties, Clock clock) {
    this.mapper = mapper;
    this.properties = properties;
    this.clock = clock;
  }

  DateRange range(String from, String to, String zone) {
    ZoneId calendar = zone(zone);
    return DateRange.parse(from, to, DEFAULT_DAYS, calendar, LocalDate.now(clock.withZone(calendar)));
  }

  @Transactional(readOnly = true)
  public PointsFlow points(DateRange range, Bucket bucket) {
    List<DateRange.Slice> slices = range.slices(bucket, properties.maxBuckets());
    List<DashboardMapper.PointsRow> rows = mapper.pointsPerSlice(slices);
    List<PointsFlow.Point> points = rows.stream()
        .map(row -> new PointsFlow.Point(slices.get(row.sliceIndex()).day(), row.issued(), row.redeemed(), row.expired(),
            row.reversed()))
        .toList();
    return new PointsFlow(range.from(), range.to(), bucket.name().toLowerCase(), range.zone(), points,
        PointsFlow.Totals.of(points));
  }

  @Transactional(readOnly = true)
  public MessageCounts messages(DateRange range) {
    List<MessageCounts.Count> counts = mapper.messagesPerChannelAndStatus(range.start(), range.end());
    return new MessageCounts(range.from(), range.to(), range.zone(),
        counts.stream().mapToLong(MessageCounts.Count::messages).sum(), counts);
  }

  @Transactional(readOnly = true)
  public JourneyConversions journeys() {
    return new JourneyConversions(mapper.journeyVersions(clock.instant()).stream()
        .map(r -> new JourneyConversions.Row(r.journey(), r.version(), r.entered(), r.active(), r.completed(), r.exited(),
            r.converted(), r.entered() == 0 ? 0 : (double) r.converted() / r.entered()))
        .toList());
  }

  private ZoneId zone(String zone) {
    if (zone == null || zone.isBlank()) {
      return properties.zone();
    }
    try {
      return ZoneId.of(zone.trim());
    } catch (DateTimeException e) {
      throw DateRange.invalid(List.of(new FieldError("zone", "'" + zone + "' is not a time zone")));
    }
  }
}
