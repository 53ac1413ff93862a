package io.engage.connectors.push;

import java.time.Duration;
import java.util.Objects;

/**
 * Firebase Cloud Messaging, HTTP v1 API, authorised by a service account.
 *
 * @param name the provider name recorded with attempts
 * @param serviceAccountJson the service account key file's contents (client_email, private_key,
 *     private_key_id, token_uri, project_id); keep it out of the repository
 * @param projectId the Firebase project; null to take the key file's project_id
 * @param sendBaseUrl {@code https://fcm.googleapis.com} (null), or a test stub
 * @param tokenUrl the OAuth2 token endpoint; null to take the key file's token_uri
 */
public record FcmSettings(String name, String serviceAccountJson, String projectId, String sendBaseUrl,
    String tokenUrl, Duration connectTimeout, Duration requestTimeout) {

  public FcmSettings {
    name = name == null || name.isBlank() ? "fcm" : name;
    Objects.requireNonNull(serviceAccountJson, "serviceAccountJson");
    sendBaseUrl = sendBaseUrl == null ? "https://fcm.googleapis.com" : sendBaseUrl.replaceAll("/+$", "");
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
  }

  @Override
  public String toString() {
    return "FcmSettings[" + name + ", project=" + projectId + ", " + sendBaseUrl + "]";
  }
}
