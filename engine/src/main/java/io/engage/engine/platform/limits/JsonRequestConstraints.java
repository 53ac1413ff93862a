package io.engage.engine.platform.limits;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies are parsed by a copy of the application's ObjectMapper that carries the
 * configured StreamReadConstraints: a client cannot nest a body 10,000 levels deep or send a
 * 100,000-digit number. The shared mapper, which reads the engine's own stored JSON, keeps
 * Jackson's defaults.
 */
@Configuration(proxyBeanMethods = false)
class JsonRequestConstraints implements WebMvcConfigurer {

  private final ObjectMapper constrained;

  JsonRequestConstraints(ObjectMapper json, RequestLimits limits) {
    RequestLimits.Json figures = limits.json();
    this.constrained = json.copy();
    constrained.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(figures.maxNestingDepth())
        .maxStringLength(figures.maxStringLength())
        .maxNumberLength(figures.maxNumberLength())
        .maxNameLength(figures.maxNameLength())
        .maxTokenCount(figures.maxTokenCount())
        .build());
  }

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    for (HttpMessageConverter<?> converter : converters) {
      if (converter instanceof MappingJackson2HttpMessageConverter jackson) {
        jackson.setObjectMapper(constrained);
      }
    }
  }
}
