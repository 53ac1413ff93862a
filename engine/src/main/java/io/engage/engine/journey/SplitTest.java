package io.engage.engine.journey;

import io.engage.engine.platform.crypto.Hashes;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic split: the SHA-256 of (experiment, customer) picks a bucket 0-9999; the first
 * {@code holdout} percent of buckets are the control group, the rest are shared out by the
 * variants' percentages. The same customer in the same experiment always lands in the same bucket.
 */
record SplitTest(String experiment, List<Variant> variants, double holdoutPercent) {

  static final String CONTROL = "control";
  static final int BUCKETS = 10_000;

  record Variant(String name, double percent) {}

  /** Parses the headers: {@code variants} as {@code A:50,B:50}, {@code holdout} as a percent. */
  static SplitTest parse(String experiment, String variants, String holdout, String elementId) {
    List<Variant> parsed = new ArrayList<>();
    String spec = variants == null || variants.isBlank() ? "A:50,B:50" : variants;
    double total = 0;
    for (String part : spec.split(",")) {
      String[] nameAndPercent = part.trim().split(":");
      if (nameAndPercent.length != 2 || nameAndPercent[0].isBlank() || CONTROL.equals(nameAndPercent[0].trim())) {
        throw new IllegalArgumentException("Header 'variants' must look like A:50,B:50 (and not name 'control') on "
            + elementId + ": " + spec);
      }
      double percent = percent(nameAndPercent[1], "variants", elementId);
      parsed.add(new Variant(nameAndPercent[0].trim(), percent));
      total += percent;
    }
    if (total <= 0) {
      throw new IllegalArgumentException("The variants' percentages add up to 0 on " + elementId);
    }
    double held = holdout == null || holdout.isBlank() ? 0 : percent(holdout, "holdout", elementId);
    if (held >= 100) {
      throw new IllegalArgumentException("Header 'holdout' must be below 100 on " + elementId);
    }
    return new SplitTest(experiment, parsed, held);
  }

  private static double percent(String text, String header, String elementId) {
    try {
      double value = Double.parseDouble(text.trim().replace("%", ""));
      if (value < 0 || value > 100 || Double.isNaN(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Header '" + header + "' has '" + text + "', not a percent 0-100, on " + elementId);
    }
  }

  static int bucket(String experiment, String customerId) {
    String hash = Hashes.sha256Hex(experiment + "\u0000" + customerId);
    return (int) (Long.parseLong(hash.substring(0, 12), 16) % BUCKETS);
  }

  /** The variant of a bucket; the variants' percentages are scaled to what the holdout leaves. */
  String variantOf(int bucket) {
    double holdoutBuckets = holdoutPercent / 100 * BUCKETS;
    if (bucket < holdoutBuckets) {
      return CONTROL;
    }
    double total = variants.stream().mapToDouble(Variant::percent).sum();
    double position = (bucket - holdoutBuckets) / (BUCKETS - holdoutBuckets) * total;
    double upTo = 0;
    for (Variant variant : variants) {
      upTo += variant.percent();
      if (position < upTo) {
        return variant.name();
      }
    }
    return variants.getLast().name();
  }
}
