package io.engage.engine;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Engage: customer engagement engine. Journeys on Zeebe, decisions on Drools, delivery by connectors. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Deployment(resources = "classpath*:io/engage/bpmn/*.bpmn")
public class EngageApplication {

  public static void main(String[] args) {
    SpringApplication.run(EngageApplication.class, args);
  }
}
