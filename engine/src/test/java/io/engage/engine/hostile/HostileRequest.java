package io.engage.engine.hostile;

import io.engage.engine.Api;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One hostile request to one public input: who sends it, where, in which content type, with which
 * body. Built as data so the suite reads as a table of cases.
 */
record HostileRequest(String name, String method, String path, String caller, String contentType, byte[] body) {

  /** Sent with the demo API key, as an integrator does. */
  static final String INTEGRATOR = "api-key";
  static final String ANONYMOUS = "anonymous";

  static HostileRequest json(String name, String caller, String method, String path, String json) {
    return new HostileRequest(name, method, path, caller, "application/json", utf8(json));
  }

  static HostileRequest event(String name, String json) {
    return json(name, INTEGRATOR, "POST", "/api/events", json);
  }

  static HostileRequest raw(String name, String caller, String path, String contentType, byte[] body) {
    return new HostileRequest(name, "POST", path, caller, contentType, body);
  }

  /** A multipart form with one file part (when fileName is not null) and text fields. */
  static HostileRequest multipart(String name, String caller, String path, String fileName, byte[] file,
      String... fields) {
    String boundary = "hostile-" + Math.abs(name.hashCode());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      out.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
          + fields[i + 1] + "\r\n"));
    }
    if (fileName != null) {
      out.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
          + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
      out.writeBytes(file);
      out.writeBytes(utf8("\r\n"));
    }
    out.writeBytes(utf8("--" + boundary + "--\r\n"));
    return new HostileRequest(name, "POST", path, caller, "multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  HttpRequest.Builder build(Api api) {
    HttpRequest.Builder builder = api.request(path);
    if (INTEGRATOR.equals(caller)) {
      builder.header("X-API-Key", Api.DEMO_API_KEY);
    } else if (!ANONYMOUS.equals(caller)) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((caller + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body);
    return builder.method(method, publisher);
  }

  @Override
  public String toString() {
    return name;
  }
}
