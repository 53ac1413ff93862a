package io.engage.engine.customer;

import io.engage.engine.platform.crypto.Hashes;
import java.util.Locale;

/**
 * The one place that turns an email or phone number into the key profiles are matched on (merge
 * rules, lookups). Today a SHA-256 of the normalised value; when personal data is encrypted (issue
 * 8) this becomes a keyed hash and nothing else has to change. The V30 migration back-filled the
 * same function in SQL ({@code SHA2(LOWER(TRIM(email)), 256)}, {@code SHA2(TRIM(phone), 256)}).
 */
public final class ContactLookup {

  private ContactLookup() {}

  public static String emailKey(String email) {
    if (email == null || email.isBlank()) {
      return null;
    }
    return Hashes.sha256Hex(email.trim().toLowerCase(Locale.ROOT));
  }

  public static String phoneKey(String phone) {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    return Hashes.sha256Hex(phone.trim());
  }
}
