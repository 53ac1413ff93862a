package io.engage.engine.messaging;

import io.engage.engine.platform.pii.PersonalData;
import java.time.Instant;

/**
 * A customer's app installation that can receive push: {@code platform} APNS (iOS), FCM (Android,
 * outside China) or JPUSH (Android in China). A token the provider reports unregistered or invalid
 * turns {@code DEAD} and is never used again. The token itself is personal data and is never shown
 * in full.
 */
public record DeviceToken(long id, String customerId, String platform, @PersonalData String token, String appId, String status,
    String deadReason, Instant createdAt, Instant updatedAt) {

  public static final String ACTIVE = "ACTIVE";
  public static final String DEAD = "DEAD";

  /** The token as the API shows it: its first and last characters only. */
  public String maskedToken() {
    return token == null || token.length() < 12 ? "****" : token.substring(0, 4) + "…" + token.substring(token.length() - 4);
  }
}
