package io.engage.engine.platform.pii;

import io.engage.engine.platform.crypto.PersonalDataCipher;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.TypeHandler;
import org.mybatis.spring.boot.autoconfigure.ConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the personal-data type handler as an instance that holds the cipher. MyBatis resolves a
 * {@code typeHandler=} attribute to the registered instance of that class; registering it under a
 * private marker type (not String) keeps it off every other String column.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataMyBatisConfiguration {

  /** Never a column's Java type: only the key the handler instance is registered under. */
  private static final class Sealed {}

  @Bean
  @SuppressWarnings({"unchecked", "rawtypes"})
  ConfigurationCustomizer personalDataTypeHandler(PersonalDataCipher cipher) {
    return configuration -> configuration.getTypeHandlerRegistry()
        .register((Class) Sealed.class, (JdbcType) null, (TypeHandler) new PersonalDataTypeHandler(cipher));
  }
}
