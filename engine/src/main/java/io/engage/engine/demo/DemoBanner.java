package io.engage.engine.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who ran the run command where to go, how to log in, and how to go real. */
@Component
@ConditionalOnProperty(name = "engage.demo.users", havingValue = "true")
class DemoBanner {

  private final Environment env;

  DemoBanner(Environment env) {
    this.env = env;
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
    String host = env.getProperty("server.address", "localhost");
    String base = "http://" + host + ":" + port;
    System.out.println(("""

        ==================================================================================
         Engage is running on its embedded defaults.

           Admin UI ........ %1$s/
           API ............. %1$s/api   (OpenAPI: %1$s/v3/api-docs, %1$s/swagger-ui.html)
           Health .......... %1$s/actuator/health

         Demo logins (password "%2$s"): admin, marketer, service, business, agent, viewer (read-only)
         Demo API key for events: X-API-Key: %3$s
           curl -H 'X-API-Key: %3$s' -H 'Content-Type: application/json' %1$s/api/events -d \\
             '{"eventId":"try-1","customerId":"c-000001","type":"order.placed",
               "occurredAt":"2026-11-11T10:00:00+08:00","data":{"orderId":"try-1","amount":"199.00"}}'
           curl -u admin:%2$s %1$s/api/customers/c-000001

         Embedded parts: MariaDB (data in %4$s), in-memory Zeebe, local SMTP and SMS sinks
         (read them at %1$s/api/sinks/email and /api/sinks/sms).
         To use real parts instead, set before starting (no code changes):
           SPRING_DATASOURCE_URL=jdbc:mysql://HOST:3306/engage SPRING_DATASOURCE_USERNAME=... SPRING_DATASOURCE_PASSWORD=...
           CAMUNDA_CLIENT_GRPCADDRESS=http://ZEEBE-GATEWAY:26500 (and CAMUNDA_CLIENT_RESTADDRESS)
           ENGAGE_CHANNELS_EMAIL_HOST=smtp.example.com ENGAGE_CHANNELS_EMAIL_PORT=587 ...
        ==================================================================================
        """).formatted(base, DemoAccounts.PASSWORD, DemoAccounts.API_KEY, env.getProperty("engage.embedded.data-dir")));
  }
}
