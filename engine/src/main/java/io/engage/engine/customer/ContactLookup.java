package io.engage.engine.customer;

import io.engage.engine.platform.crypto.LookupHash;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The one place that turns an email or phone number into the key profiles are matched on (merge
 * rules, search by email or phone): a keyed hash of the normalised value, since the columns
 * themselves hold ciphertext that differs every time. The start-up migration of plaintext rows
 * (PiiReencryption) recomputes these keys with the same functions.
 */
@Component
public class ContactLookup {

  private final LookupHash hash;

  ContactLookup(LookupHash hash) {
    this.hash = hash;
  }

  public String emailKey(String email) {
    if (email == null || email.isBlank()) {
      return null;
    }
    return hash.hex("email:" + email.trim().toLowerCase(Locale.ROOT));
  }

  public String phoneKey(String phone) {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    return hash.hex("phone:" + phone.trim());
  }
}
