package io.engage.engine.audit;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditConfiguration.AuditProperties.class)
class AuditConfiguration implements WebMvcConfigurer {

  private final AuditTrail trail;
  private final AuditProperties properties;

  AuditConfiguration(AuditTrail trail, AuditProperties properties) {
    this.trail = trail;
    this.properties = properties;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new AdminChangeRecorder(trail))
        .addPathPatterns("/api/**")
        .excludePathPatterns(properties.unrecordedPaths());
  }

  /**
   * @param unrecordedPaths API paths (Spring path patterns) whose changes are not recorded one by
   *     one: event ingest and other high-volume machine calls, which keep their own durable records
   */
  @ConfigurationProperties("engage.audit")
  record AuditProperties(List<String> unrecordedPaths) {
    AuditProperties {
      unrecordedPaths = unrecordedPaths == null ? List.of() : List.copyOf(unrecordedPaths);
    }
  }
}
