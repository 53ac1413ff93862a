package io.engage.engine.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests the security firewall refuses before any controller sees them (encoded slashes or
 * percent signs, "..", NUL or line breaks in the path, unknown methods) are a client's mistake
 * too: a 400 problem+json that says what was refused, instead of the container's error page.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

  @Bean
  RequestRejectedHandler problemForRejectedRequests(ObjectMapper json) {
    return (request, response, rejected) -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "about:blank");
      body.put("title", "Request refused");
      body.put("status", HttpStatus.BAD_REQUEST.value());
      body.put("detail", rejected.getMessage());
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), body);
    };
  }
}
