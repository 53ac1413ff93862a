package io.engage.engine.complaint;

import io.engage.engine.platform.pii.PersonalDataTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What customers wrote in complaints and surveys is sealed like their contact data. */
@Configuration(proxyBeanMethods = false)
class ComplaintPersonalData {

  @Bean
  PersonalDataTable complaintTable() {
    return PersonalDataTable.of("complaint", "complaint_id", "description", "survey_comment")
        .erasedBy("customer_id", PersonalDataTable.Erasure.CLEAR);
  }
}
