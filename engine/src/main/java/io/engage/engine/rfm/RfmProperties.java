package io.engage.engine.rfm;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * RFM settings. {@code zone}: the calendar in which order dates and the reference date are read.
 * {@code segments}: the named segments, first match wins, on the R score and the FM score
 * (FM = (F + M + 1) DIV 2, the rounded-up mean of F and M). {@code clvLifetimeYears} and
 * {@code clvMinTenureDays}: see {@link Rfm} for the CLV formula. {@code threads}: connections the full
 * rebuild of statistics and scores uses at once, each over its own range of customer ids.
 */
@ConfigurationProperties("engage.rfm")
public record RfmProperties(
    @DefaultValue("Asia/Shanghai") ZoneId zone,
    List<SegmentRule> segments,
    @DefaultValue("3") BigDecimal clvLifetimeYears,
    @DefaultValue("90") int clvMinTenureDays,
    @DefaultValue("2") int threads) {

  /** A named cell range of the R x FM grid, e.g. champions: r 5-5, fm 4-5. */
  public record SegmentRule(String key, String name, int rMin, int rMax, int fmMin, int fmMax) {}

  /** The classic map (Champions ... Lost) over the 5 x 5 grid; every cell is covered. */
  static final List<SegmentRule> DEFAULT_SEGMENTS = List.of(
      new SegmentRule("champions", "Champions", 5, 5, 4, 5),
      new SegmentRule("loyal", "Loyal", 3, 4, 4, 5),
      new SegmentRule("potential-loyalist", "Potential loyalist", 4, 5, 2, 3),
      new SegmentRule("new", "New", 5, 5, 1, 1),
      new SegmentRule("promising", "Promising", 4, 4, 1, 1),
      new SegmentRule("need-attention", "Need attention", 3, 3, 3, 3),
      new SegmentRule("about-to-sleep", "About to sleep", 3, 3, 1, 2),
      new SegmentRule("cant-lose", "Can't lose", 1, 2, 5, 5),
      new SegmentRule("at-risk", "At risk", 1, 2, 3, 4),
      new SegmentRule("lost", "Lost", 1, 1, 1, 1),
      new SegmentRule("hibernating", "Hibernating", 1, 2, 1, 2));

  public RfmProperties {
    segments = segments == null || segments.isEmpty() ? DEFAULT_SEGMENTS : List.copyOf(segments);
  }

  /** The segment of an (R, F, M) score triple, by the same rules the SQL applies. */
  public String segmentOf(int r, int f, int m) {
    int fm = (f + m + 1) / 2;
    return segments.stream()
        .filter(rule -> r >= rule.rMin() && r <= rule.rMax() && fm >= rule.fmMin() && fm <= rule.fmMax())
        .map(SegmentRule::key)
        .findFirst()
        .orElse(Rfm.UNCLASSIFIED);
  }
}
