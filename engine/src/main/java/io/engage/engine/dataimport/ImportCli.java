package io.engage.engine.dataimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code java -jar engage-engine.jar import --file orders.csv --mapping online-retail}: uploads the
 * file to a running Engage (streamed) and follows the job with a progress bar until it is done.
 * Options: {@code --server http://localhost:8080}, {@code --mapping} a preset name or a JSON file,
 * {@code --api-key KEY} (default: ENGAGE_API_KEY) or {@code --user NAME --password PW}.
 * Exit code 0 when the job finished, 1 when it failed, 2 for bad arguments.
 */
public final class ImportCli {

  private final PrintStream out;

  ImportCli(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(new ImportCli(System.err).run(args));
  }

  int run(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        out.println("unexpected argument " + args[i]);
        return 2;
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    String file = options.get("file");
    String mapping = options.getOrDefault("mapping", "engage-orders");
    if (file == null || !Files.isRegularFile(Path.of(file))) {
      out.println("usage: import --file FILE.csv [--mapping online-retail|engage-orders|engage-customers|mapping.json]"
          + " [--server http://localhost:8080] [--api-key KEY | --user NAME --password PW]");
      return 2;
    }
    String server = options.getOrDefault("server", "http://localhost:8080");
    String auth = options.containsKey("user")
        ? "Basic " + Base64.getEncoder().encodeToString((options.get("user") + ":" + options.getOrDefault("password", ""))
            .getBytes(StandardCharsets.UTF_8))
        : null;
    String apiKey = options.getOrDefault("api-key", System.getenv("ENGAGE_API_KEY"));
    try {
      Path path = Path.of(file);
      long size = Files.size(path);
      String query = mapping.endsWith(".json")
          ? "mapping=" + URLEncoder.encode(Files.readString(Path.of(mapping)), StandardCharsets.UTF_8)
          : "preset=" + URLEncoder.encode(mapping, StandardCharsets.UTF_8);
      query += "&fileName=" + URLEncoder.encode(path.getFileName().toString(), StandardCharsets.UTF_8);
      AtomicLong sent = new AtomicLong();
      HttpRequest.Builder upload = HttpRequest.newBuilder(URI.create(server + "/api/imports?" + query))
          .header("Content-Type", "text/csv")
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> counting(path, sent, size)));
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> answer = http.send(authorise(upload, auth, apiKey).build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 202) {
        out.println("\nrefused (" + answer.statusCode() + "): " + answer.body());
        return 1;
      }
      ObjectMapper json = new ObjectMapper();
      long id = json.readTree(answer.body()).path("id").asLong();
      while (true) {
        HttpResponse<String> status = http.send(authorise(HttpRequest.newBuilder(URI.create(server + "/api/imports/" + id)), auth, apiKey)
            .GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode job = json.readTree(status.body());
        bar("import " + id, job.path("bytesRead").asLong(), Math.max(1, job.path("totalBytes").asLong()),
            job.path("rowsRead").asLong() + " rows, " + job.path("imported").asLong() + " imported, "
                + job.path("duplicates").asLong() + " duplicates, " + job.path("skipped").asLong() + " skipped");
        String state = job.path("status").asText();
        if (state.equals("DONE") || state.equals("FAILED")) {
          out.println();
          out.println(state + (job.hasNonNull("error") ? ": " + job.path("error").asText() : "")
              + "; skipped by reason " + job.path("skippedByReason") + "; report: " + server + "/api/imports/" + id + "/report");
          return state.equals("DONE") ? 0 : 1;
        }
        Thread.sleep(500);
      }
    } catch (IOException e) {
      out.println("\nfailed: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private InputStream counting(Path path, AtomicLong sent, long size) {
    try {
      return new FilterInputStream(Files.newInputStream(path)) {
        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = super.read(buffer, offset, length);
          if (n > 0 && (sent.addAndGet(n) * 100 / Math.max(1, size)) != ((sent.get() - n) * 100 / Math.max(1, size))) {
            bar("upload", sent.get(), size, "");
          }
          return n;
        }
      };
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static HttpRequest.Builder authorise(HttpRequest.Builder request, String basic, String apiKey) {
    if (basic != null) {
      return request.header("Authorization", basic);
    }
    return apiKey == null ? request : request.header("X-API-Key", apiKey);
  }

  private void bar(String label, long done, long total, String detail) {
    int width = 30;
    int filled = (int) Math.min(width, done * width / total);
    out.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] "
        + Math.min(100, done * 100 / total) + "% " + detail + "   ");
    out.flush();
  }
}
