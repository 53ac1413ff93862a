package io.engage.engine.customer;

import io.engage.engine.platform.pii.PersonalDataTable;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The customer table's sealed columns; the lookup hashes are recomputed from the opened email and phone. */
@Configuration(proxyBeanMethods = false)
class CustomerPersonalData {

  @Bean
  PersonalDataTable customerTable(ContactLookup lookup) {
    // The erasure of the profile itself is Customers.erase (it clears more than the sealed columns).
    return PersonalDataTable.of("customer", "id", "name", "email", "phone", "address").withDerived(plain -> {
      Map<String, String> derived = new HashMap<>();
      derived.put("email_lookup", lookup.emailKey(plain.get("email")));
      derived.put("phone_lookup", lookup.phoneKey(plain.get("phone")));
      return derived;
    });
  }
}
