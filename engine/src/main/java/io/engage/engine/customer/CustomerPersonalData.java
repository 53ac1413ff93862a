package io.engage.engine.customer;

import io.engage.engine.platform.pii.PersonalDataTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The customer table's sealed columns; the lookup hashes are recomputed from the opened email and phone. */
@Configuration(proxyBeanMethods = false)
class CustomerPersonalData {

  @Bean
  PersonalDataTable customerTable(ContactLookup lookup) {
    return new PersonalDataTable("customer", "id", List.of("name", "email", "phone", "address"), plain -> {
      Map<String, String> derived = new HashMap<>();
      derived.put("email_lookup", lookup.emailKey(plain.get("email")));
      derived.put("phone_lookup", lookup.phoneKey(plain.get("phone")));
      return derived;
    });
  }
}
