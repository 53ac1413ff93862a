package io.engage.engine.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/** Where a customer is in their life with the shop. The wire names are the Zeebe message suffixes. */
public enum LifecycleStage {
  POTENTIAL("potential"),
  NEW("new"),
  ACTIVE("active"),
  LOYAL("loyal"),
  AT_RISK("at-risk"),
  CHURNED("churned");

  private final String wireName;

  LifecycleStage(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<LifecycleStage> fromWireName(String name) {
    return Arrays.stream(values()).filter(stage -> stage.wireName.equals(name)).findFirst();
  }
}
