package io.engage.engine.dashboard;

import java.util.List;

/**
 * Per journey version (the one an instance is in now, after migrations): instances that entered,
 * are still inside, have left (completed or ended otherwise), and converted. An instance converted
 * when its customer placed an order while it ran, or it reached one of the journey's goals.
 * Instances refused at the entry check never entered and are not counted.
 */
public record JourneyConversions(List<Row> journeys) {

  public record Row(String journey, int version, long entered, long active, long completed, long exited,
      long converted, double conversionRate) {}
}
