package io.engage.engine.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for personal data at rest. A stored value is a text envelope
 * {@code v1:<key id>:<base64(nonce | ciphertext | tag)>} with a random 96-bit nonce, so it fits the
 * existing VARCHAR columns and says which key opens it (rotation re-encrypts under the active id).
 */
public final class PersonalDataCipher {

  static final String VERSION = "v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final PiiKeyring keyring;
  private final SecureRandom random = new SecureRandom();

  public PersonalDataCipher(PiiKeyring keyring) {
    this.keyring = keyring;
  }

  public String encrypt(String plain) {
    if (plain == null) {
      return null;
    }
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keyring.activeKey(), new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] body = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
      return VERSION + ":" + keyring.activeKeyId() + ":" + Base64.getEncoder().encodeToString(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed", e);
    }
  }

  /**
   * Opens an envelope. A value without one is plaintext written before encryption existed: it is
   * returned as it is until the start-up migration has encrypted it.
   */
  public String decrypt(String stored) {
    if (stored == null || !isEnvelope(stored)) {
      return stored;
    }
    int second = stored.indexOf(':', VERSION.length() + 1);
    String keyId = stored.substring(VERSION.length() + 1, second);
    SecretKey key = keyring.key(keyId);
    if (key == null) {
      // Never echo the value: it is personal data, even sealed.
      throw new IllegalStateException("Personal data is sealed with key id '" + keyId
          + "', which engage.pii.keys does not hold any more");
    }
    try {
      byte[] body = Base64.getDecoder().decode(stored.substring(second + 1));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, body, 0, NONCE_BYTES));
      return new String(cipher.doFinal(body, NONCE_BYTES, body.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("Personal data under key id '" + keyId + "' does not open (wrong key or altered)");
    }
  }

  /** The key id a stored value is sealed with; null for plaintext. */
  public static String keyIdOf(String stored) {
    if (stored == null || !isEnvelope(stored)) {
      return null;
    }
    return stored.substring(VERSION.length() + 1, stored.indexOf(':', VERSION.length() + 1));
  }

  public static boolean isEnvelope(String stored) {
    if (!stored.startsWith(VERSION + ":")) {
      return false;
    }
    int second = stored.indexOf(':', VERSION.length() + 1);
    return second > VERSION.length() + 1
        && PiiKeyring.KEY_ID.matcher(stored.substring(VERSION.length() + 1, second)).matches()
        && stored.length() > second + 1;
  }

  public String activeKeyId() {
    return keyring.activeKeyId();
  }

  /** How every value sealed under the active key starts. */
  public String activePrefix() {
    return VERSION + ":" + keyring.activeKeyId() + ":";
  }
}
