package io.engage.engine.dashboard;

import io.engage.engine.platform.web.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/dashboards")
@Tag(name = "Dashboards", description = "Aggregates for the admin UI's charts")
class DashboardController {

  private final Dashboards dashboards;

  DashboardController(Dashboards dashboards) {
    this.dashboards = dashboards;
  }

  @Operation(summary = "Points issued, redeemed, expired and reversed per day, week or month",
      description = "from/to: dates (yyyy-MM-dd), both included, in the dashboards' calendar (zone); "
          + "default: the last 30 days")
  @GetMapping("/points")
  PointsFlow points(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "day") String bucket, @RequestParam(required = false) String zone) {
    DateRange range = dashboards.range(from, to, zone);
    return dashboards.points(range, bucket(bucket));
  }

  @Operation(summary = "Messages created in the range per channel and status")
  @GetMapping("/messages")
  MessageCounts messages(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String zone) {
    return dashboards.messages(dashboards.range(from, to, zone));
  }

  @Operation(summary = "Entered, active, completed, exited and converted instances per journey version")
  @GetMapping("/journeys")
  JourneyConversions journeys() {
    return dashboards.journeys();
  }

  private static Bucket bucket(String value) {
    try {
      return Bucket.parse(value);
    } catch (IllegalArgumentException e) {
      throw DateRange.invalid(List.of(new FieldError("bucket", "'" + value + "' is not one of day, week, month")));
    }
  }
}
