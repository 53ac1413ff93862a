package io.engage.engine.platform.embedded;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** The embedded parts started for one context, in start order. */
final class EmbeddedParts {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedParts.class);
  private final Map<String, AutoCloseable> parts = new LinkedHashMap<>();

  void add(String name, AutoCloseable part) {
    parts.put(name, part);
  }

  List<String> names() {
    return new ArrayList<>(parts.keySet());
  }

  /** Registered first, so destroyed last; the database (started first) stops after the others. */
  void registerWith(DefaultListableBeanFactory beans) {
    parts.forEach((name, part) -> {
      beans.registerSingleton(name, part);
      beans.registerDisposableBean(name, (DisposableBean) part::close);
    });
  }

  void destroy() {
    List<AutoCloseable> reversed = new ArrayList<>(parts.values());
    java.util.Collections.reverse(reversed);
    for (AutoCloseable part : reversed) {
      try {
        part.close();
      } catch (Exception e) {
        log.warn("Could not stop {}", part, e);
      }
    }
  }
}
