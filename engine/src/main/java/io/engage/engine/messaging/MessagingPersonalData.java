package io.engage.engine.messaging;

import io.engage.engine.platform.pii.PersonalDataTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Messaging's sealed columns: recipients, subjects (rendered with the name) and variables of messages, device tokens, WeChat openids. */
@Configuration(proxyBeanMethods = false)
class MessagingPersonalData {

  @Bean
  PersonalDataTable messageTable() {
    return PersonalDataTable.of("message", "id", "recipient", "subject", "vars")
        .erasedBy("customer_id", PersonalDataTable.Erasure.CLEAR);
  }

  @Bean
  PersonalDataTable deviceTokenTable() {
    return PersonalDataTable.of("device_token", "id", "token")
        .erasedBy("customer_id", PersonalDataTable.Erasure.DELETE);
  }

  @Bean
  PersonalDataTable wechatBindingTable() {
    return PersonalDataTable.of("wechat_binding", "customer_id", "openid")
        .erasedBy("customer_id", PersonalDataTable.Erasure.DELETE);
  }
}
