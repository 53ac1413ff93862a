package io.engage.engine.platform.crypto;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The keyring from {@code engage.pii.*}; without it, only the embedded database (the run command's
 * default) gets keys of its own, generated once into the data directory. Any other database refuses
 * to start without configured keys rather than store personal data under a key nobody keeps.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PiiProperties.class)
class PiiCryptoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PiiCryptoConfiguration.class);

  @Bean
  PiiKeyring piiKeyring(PiiProperties properties, ApplicationContext context,
      @Value("${engage.embedded.data-dir}") Path dataDir) {
    if (properties.configured()) {
      return PiiKeyring.of(properties);
    }
    if (context.containsBean("engageEmbeddedDatabase")) {
      log.info("Personal data keys: engage.pii.* not set, using the embedded keys in {}", dataDir.resolve(PiiKeyFile.FILE_NAME));
      return PiiKeyring.of(PiiKeyFile.loadOrCreate(dataDir));
    }
    throw new IllegalStateException("Configure engage.pii.keys[0].id, engage.pii.keys[0].key, engage.pii.active-key-id "
        + "and engage.pii.lookup-key (base64 of 32 random bytes each): personal data is encrypted at rest");
  }

  @Bean
  PersonalDataCipher personalDataCipher(PiiKeyring keyring) {
    return new PersonalDataCipher(keyring);
  }

  @Bean
  LookupHash lookupHash(PiiKeyring keyring) {
    return new LookupHash(keyring);
  }
}
