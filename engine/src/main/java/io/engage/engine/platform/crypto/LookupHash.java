package io.engage.engine.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;

/**
 * HMAC-SHA256 under the configured lookup key: what exact lookups and unique keys on personal data
 * compare (the ciphertext differs every time). Keyed, so a database dump cannot be matched against a
 * list of known emails or phone numbers.
 */
public final class LookupHash {

  private final PiiKeyring keyring;

  public LookupHash(PiiKeyring keyring) {
    this.keyring = keyring;
  }

  public String hex(String normalised) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(keyring.lookupKey());
      return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }
}
