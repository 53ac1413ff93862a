package io.engage.engine;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The engine's feature packages (customer, event, loyalty, journey, ...) use each other only through
 * their public classes and never in a cycle. Fails the build when a change breaks that.
 */
class ModularityTest {

  @Test
  void featuresUseEachOtherOnlyThroughTheirPublicApiAndWithoutCycles() {
    ApplicationModules.of(EngageApplication.class).verify();
  }
}
