package io.engage.engine.security;

import io.engage.engine.platform.pii.PersonalDataTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Staff email addresses (where notifications go) are sealed too. */
@Configuration(proxyBeanMethods = false)
class StaffPersonalData {

  @Bean
  PersonalDataTable staffTable() {
    return PersonalDataTable.of("app_user", "username", "email");
  }
}
