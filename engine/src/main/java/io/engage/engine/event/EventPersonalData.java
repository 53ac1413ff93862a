package io.engage.engine.event;

import io.engage.engine.platform.pii.PersonalDataTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Raw event payloads carry what integrators sent (a registration's name, email, phone): sealed. */
@Configuration(proxyBeanMethods = false)
class EventPersonalData {

  @Bean
  PersonalDataTable eventTable() {
    return PersonalDataTable.of("event", "id", "payload")
        // Order totals live on in customer_order and the ledger; the raw payloads go.
        .erasedBy("customer_id", PersonalDataTable.Erasure.CLEAR);
  }
}
