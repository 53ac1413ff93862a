package io.engage.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Engage: customer engagement engine. Journeys on Zeebe, decisions on Drools, delivery by connectors. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EngageApplication {

  public static void main(String[] args) {
    SpringApplication.run(EngageApplication.class, args);
  }
}
