package io.engage.engine.platform.crypto;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for personal data at rest. {@code keys} may hold old keys next to the active one, so values
 * written under an old key stay readable until the rotation re-encrypted them. {@code lookupKey}
 * keys the hashes exact lookups use (find by email or phone); it is separate from the encryption
 * keys and is not rotated with them. Keys are base64 of 32 random bytes.
 */
@ConfigurationProperties("engage.pii")
public record PiiProperties(List<KeySpec> keys, String activeKeyId, String lookupKey) {

  public PiiProperties {
    keys = keys == null ? List.of() : List.copyOf(keys);
  }

  public record KeySpec(String id, String key) {}

  boolean configured() {
    return !keys.isEmpty() || (activeKeyId != null && !activeKeyId.isBlank())
        || (lookupKey != null && !lookupKey.isBlank());
  }
}
