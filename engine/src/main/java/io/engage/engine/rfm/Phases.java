package io.engage.engine.rfm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Wall-clock milliseconds of each step of a long run, in order: what the log shows after a full
 * recompute, so the slow statement is named rather than guessed.
 */
public final class Phases {

  private final Map<String, Long> millis = new LinkedHashMap<>();

  public void run(String name, Runnable step) {
    long start = System.nanoTime();
    step.run();
    add(name, start);
  }

  public long count(String name, LongSupplier step) {
    long start = System.nanoTime();
    long result = step.getAsLong();
    add(name, start);
    return result;
  }

  public <T> T supply(String name, Supplier<T> step) {
    long start = System.nanoTime();
    T result = step.get();
    add(name, start);
    return result;
  }

  private void add(String name, long start) {
    millis.merge(name, (System.nanoTime() - start) / 1_000_000, Long::sum);
  }

  public Map<String, Long> millis() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(millis));
  }

  @Override
  public String toString() {
    return millis.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", "));
  }
}
