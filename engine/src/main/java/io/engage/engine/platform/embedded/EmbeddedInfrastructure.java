package io.engage.engine.platform.embedded;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded defaults (MariaDB, the in-memory Zeebe engine, an SMTP sink) for every real
 * part that is not configured, before any bean exists, and points the configuration at them.
 *
 * <p>Each part is registered as a disposable bean before all others, so the context destroys it
 * last: the Zeebe client and the connection pool close before the engine and the database stop.
 */
public class EmbeddedInfrastructure
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);
  static final String PROPERTY_SOURCE = "engageEmbeddedInfrastructure";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment env = context.getEnvironment();
    if (env.getPropertySources().contains(PROPERTY_SOURCE)) {
      return; // the parent of a child context already started everything
    }
    DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
    Map<String, Object> properties = new LinkedHashMap<>();
    EmbeddedParts parts = new EmbeddedParts();
    try {
      if (!StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
        EmbeddedDatabase database = EmbeddedDatabase.start(env);
        parts.add("engageEmbeddedDatabase", database);
        properties.putAll(database.springProperties());
      }
      if (!configuredByUser(env, "camunda.client.grpc-address", "camunda.client.grpcaddress")) {
        LoopbackZeebeEngine zeebe = LoopbackZeebeEngine.start(env.getProperty("engage.embedded.zeebe.port", Integer.class, 0));
        parts.add("engageEmbeddedZeebe", zeebe);
        properties.putAll(zeebe.springProperties());
      }
      if (!StringUtils.hasText(env.getProperty("engage.channels.email.host"))) {
        LocalSmtpSink smtp = LocalSmtpSink.start(env.getProperty("engage.embedded.smtp-sink.port", Integer.class, 0));
        parts.add("engageLocalSmtpSink", smtp);
        properties.putAll(smtp.springProperties());
      }
    } catch (RuntimeException e) {
      parts.destroy(); // a database child process left behind would keep the JVM alive
      throw e;
    }
    env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
    parts.registerWith(beans);
    log.info("Embedded parts started: {}", parts.names());
  }

  /**
   * Whether a property is set by the user. The Camunda starter adds its own defaults for the
   * gateway address (from {@code modes/*.yaml}); those do not count, nor does Boot's aggregate view.
   */
  static boolean configuredByUser(ConfigurableEnvironment env, String... names) {
    for (PropertySource<?> source : env.getPropertySources()) {
      if (ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
          || source.getName().contains("modes/") || source.getName().contains("auth-methods/")) {
        continue;
      }
      for (String name : names) {
        Object value = source.getProperty(name);
        if (value != null && StringUtils.hasText(value.toString())) {
          return true;
        }
      }
    }
    return false;
  }
}
