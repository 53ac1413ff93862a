package io.engage.connectors.push;

import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushNotificationResponse;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import com.eatthepath.pushy.apns.util.SimpleApnsPayloadBuilder;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;
import com.eatthepath.pushy.apns.util.TokenUtil;
import io.engage.connectors.Channel;
import io.engage.connectors.ChannelConnector;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.DeliveryResult.Failure;
import io.engage.connectors.OutboundMessage;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * App push to iOS through APNs (Pushy, HTTP/2, token authentication). The alert has the message's
 * subject as title and text as body; {@code data} entries and the {@code link} (as "link") travel as
 * custom keys beside {@code aps}. The apns-id is derived from the idempotency key.
 *
 * <p>BadDeviceToken, Unregistered and DeviceTokenNotForTopic mark the token dead.
 * ExpiredProviderToken makes Pushy close the connection and sign a fresh token; the notification is
 * then sent once more. 429 is throttled, 500/503 transient, other rejections permanent.
 */
public final class ApnsPushConnector implements ChannelConnector, AutoCloseable {

  private static final Pattern TOKEN = Pattern.compile("[0-9a-fA-F]{64,200}");
  private static final Set<String> DEAD_TOKEN = Set.of("BadDeviceToken", "Unregistered", "DeviceTokenNotForTopic");
  private static final Set<String> CREDENTIALS = Set.of("InvalidProviderToken", "MissingProviderToken",
      "ExpiredProviderToken", "BadCertificate", "BadCertificateEnvironment", "Forbidden");
  private static final Set<String> THROTTLED = Set.of("TooManyRequests", "TooManyProviderTokenUpdates");
  private static final Set<String> SERVER = Set.of("InternalServerError", "ServiceUnavailable", "Shutdown");

  /**
   * One event loop for every APNs client in the JVM. A client that makes its own shuts it down
   * gracefully on close, which takes seconds; a shared daemon loop costs two idle threads.
   */
  private static final EventLoopGroup EVENT_LOOP = new NioEventLoopGroup(2,
      new DefaultThreadFactory("apns-client", true));

  private final ApnsSettings settings;
  private final ApnsClient client;

  public ApnsPushConnector(ApnsSettings settings) {
    this.settings = settings;
    try {
      ApnsClientBuilder builder = new ApnsClientBuilder()
          .setApnsServer(settings.host(), settings.port())
          .setSigningKey(ApnsSigningKey.loadFromInputStream(
              new ByteArrayInputStream(settings.signingKeyPem().getBytes(StandardCharsets.US_ASCII)),
              settings.teamId(), settings.keyId()))
          .setEventLoopGroup(EVENT_LOOP)
          .setConnectionTimeout(settings.connectTimeout())
          .setConcurrentConnections(settings.concurrentConnections());
      if (settings.trustedServerCertificatePem() != null) {
        builder.setTrustedServerCertificateChain(
            new ByteArrayInputStream(settings.trustedServerCertificatePem().getBytes(StandardCharsets.US_ASCII)));
      }
      this.client = builder.build();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot set up APNs client for " + settings.name() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Channel channel() {
    return Channel.PUSH;
  }

  @Override
  public String provider() {
    return settings.name();
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    String token = message.recipient() == null ? "" : TokenUtil.sanitizeTokenString(message.recipient());
    if (!TOKEN.matcher(token).matches()) {
      return DeliveryResult.invalidRecipient("not an APNs device token");
    }
    SimpleApnsPayloadBuilder payload = new SimpleApnsPayloadBuilder();
    if (message.subject() != null) {
      payload.setAlertTitle(message.subject());
    }
    payload.setAlertBody(message.textBody()).setSound("default");
    for (Map.Entry<String, String> entry : message.data().entrySet()) {
      if (!"aps".equals(entry.getKey())) {
        payload.addCustomProperty(entry.getKey(), entry.getValue());
      }
    }
    if (message.link() != null) {
      payload.addCustomProperty("link", message.link());
    }
    UUID apnsId = message.idempotencyKey() == null ? UUID.randomUUID()
        : UUID.nameUUIDFromBytes(message.idempotencyKey().getBytes(StandardCharsets.UTF_8));
    SimpleApnsPushNotification notification = new SimpleApnsPushNotification(token, settings.topic(), payload.build(),
        Instant.now().plus(Duration.ofDays(1)), DeliveryPriority.IMMEDIATE, PushType.ALERT, null, apnsId);
    DeliveryResult result = attempt(notification);
    if (result.reason() != null && result.reason().startsWith("ExpiredProviderToken")) {
      // Pushy dropped the connection and signs a new token for the next one: send once more.
      result = attempt(notification);
    }
    return result;
  }

  private DeliveryResult attempt(SimpleApnsPushNotification notification) {
    Future<PushNotificationResponse<SimpleApnsPushNotification>> sending = client.sendNotification(notification);
    PushNotificationResponse<SimpleApnsPushNotification> response;
    try {
      response = sending.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      sending.cancel(false);
      return DeliveryResult.failed(Failure.TIMEOUT, "no APNs answer within " + settings.requestTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.failed(Failure.TIMEOUT, "interrupted waiting for APNs");
    } catch (ExecutionException e) {
      return connectionFailure(e.getCause());
    }
    if (response.isAccepted()) {
      return DeliveryResult.sent(response.getApnsId() == null ? notification.getApnsId().toString()
          : response.getApnsId().toString());
    }
    String rejection = response.getRejectionReason().orElse("HTTP " + response.getStatusCode());
    String reason = rejection + response.getTokenInvalidationTimestamp().map(at -> " (token invalid since " + at + ")")
        .orElse("");
    if (DEAD_TOKEN.contains(rejection)) {
      return DeliveryResult.invalidRecipient(reason);
    }
    if (THROTTLED.contains(rejection) || response.getStatusCode() == 429) {
      return DeliveryResult.throttled(reason, null);
    }
    if (CREDENTIALS.contains(rejection)) {
      return DeliveryResult.failed(Failure.AUTHENTICATION, reason);
    }
    if (SERVER.contains(rejection) || response.getStatusCode() >= 500) {
      return DeliveryResult.failed(Failure.PROVIDER_ERROR, reason);
    }
    return DeliveryResult.permanentFailure(reason);
  }

  /** The notification was not written, or the connection died before the answer. */
  private static DeliveryResult connectionFailure(Throwable cause) {
    String reason = "APNs: " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof ConnectException || c instanceof SSLException
          || c instanceof io.netty.channel.ConnectTimeoutException) {
        return DeliveryResult.failed(Failure.CONNECTION, reason);
      }
    }
    return DeliveryResult.failed(Failure.TIMEOUT, reason);
  }

  @Override
  public void close() {
    try {
      client.close().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Closing is best effort.
    }
  }
}
