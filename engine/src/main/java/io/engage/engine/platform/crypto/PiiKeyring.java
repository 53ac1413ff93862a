package io.engage.engine.platform.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The encryption keys by id, which one encrypts new values, and the lookup-hash key. */
public final class PiiKeyring {

  /** Key ids appear inside every stored value, between colons. */
  static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

  private final Map<String, SecretKey> keys;
  private final String activeKeyId;
  private final SecretKey lookupKey;

  private PiiKeyring(Map<String, SecretKey> keys, String activeKeyId, SecretKey lookupKey) {
    this.keys = Map.copyOf(keys);
    this.activeKeyId = activeKeyId;
    this.lookupKey = lookupKey;
  }

  /** Validates the configuration and names the setting at fault, so a typo fails the start. */
  public static PiiKeyring of(PiiProperties properties) {
    if (properties.keys().isEmpty()) {
      throw new IllegalStateException("engage.pii.keys is empty: configure at least one key (id and base64 of 32 bytes)");
    }
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    for (int i = 0; i < properties.keys().size(); i++) {
      PiiProperties.KeySpec spec = properties.keys().get(i);
      String where = "engage.pii.keys[" + i + "]";
      if (spec.id() == null || !KEY_ID.matcher(spec.id()).matches()) {
        throw new IllegalStateException(where + ".id must be 1-32 of A-Z a-z 0-9 . _ -");
      }
      if (keys.put(spec.id(), aesKey(spec.key(), where + ".key")) != null) {
        throw new IllegalStateException(where + ".id '" + spec.id() + "' is configured twice");
      }
    }
    String active = properties.activeKeyId();
    if (active == null || !keys.containsKey(active)) {
      throw new IllegalStateException("engage.pii.active-key-id must name one of engage.pii.keys, got '" + active + "'");
    }
    SecretKey lookup = new SecretKeySpec(bytes(properties.lookupKey(), "engage.pii.lookup-key"), "HmacSHA256");
    return new PiiKeyring(keys, active, lookup);
  }

  private static SecretKey aesKey(String base64, String where) {
    return new SecretKeySpec(bytes(base64, where), "AES");
  }

  private static byte[] bytes(String base64, String where) {
    if (base64 == null || base64.isBlank()) {
      throw new IllegalStateException(where + " is missing (base64 of 32 random bytes)");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + " is not base64");
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(where + " must be 32 bytes (AES-256), got " + bytes.length);
    }
    return bytes;
  }

  public String activeKeyId() {
    return activeKeyId;
  }

  SecretKey activeKey() {
    return keys.get(activeKeyId);
  }

  SecretKey key(String id) {
    return keys.get(id);
  }

  SecretKey lookupKey() {
    return lookupKey;
  }
}
