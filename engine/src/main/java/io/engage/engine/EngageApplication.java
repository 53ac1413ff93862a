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
    if (args.length > 0 && args[0].equals("import")) {
      io.engage.engine.dataimport.ImportCli.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    SpringApplication.run(EngageApplication.class, args);
  }
}
