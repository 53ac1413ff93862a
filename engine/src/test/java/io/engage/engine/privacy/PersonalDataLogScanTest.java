package io.engage.engine.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.engine.RunsLast;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other engine test class and reads what they logged (the log file of this run and
 * the captured output of the classes before it): no email address or phone number of a demo or test
 * customer may appear. A finding names the file, line and kind, never the value.
 */
@RunsLast
class PersonalDataLogScanTest {

  /** The demo customers' and the tests' addresses are at example.com / example.org. */
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@example\\.(com|org|net)", Pattern.CASE_INSENSITIVE);
  /** Mainland mobiles (+86 13800001111, 13800001111) and the demo's US numbers (+1 415 555 xxxx). */
  private static final Pattern PHONE = Pattern.compile("(?<![0-9])(?:(?:\\+?86)?1[3-9][0-9]{9}|\\+?1415555[0-9]{4})(?![0-9])");
  private static final Pattern DATED = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}T\\S+) ");

  private final Instant runStarted = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

  @Test
  void noCustomerEmailOrPhoneIsLogged() throws IOException {
    List<String> findings = new ArrayList<>();
    Path log = Path.of("target/test-logs/engine-tests.log");
    if (Files.exists(log)) {
      scanLinesOfThisRun(log, findings);
    }
    Path reports = Path.of("target/surefire-reports");
    if (Files.isDirectory(reports)) {
      try (Stream<Path> files = Files.list(reports)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".xml")).filter(this::writtenDuringThisRun).toList()) {
          scanCapturedOutput(file, findings);
        }
      }
    }
    assertThat(findings).as("personal data in the test logs").isEmpty();
  }

  /**
   * A report's captured stdout and stderr only: its failure messages quote what a test compared,
   * which may be a test customer's address, and are not something the engine logged.
   */
  private static void scanCapturedOutput(Path report, List<String> findings) throws IOException {
    List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
    boolean inOutput = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.contains("<system-out>") || line.contains("<system-err>")) {
        inOutput = true;
      }
      if (inOutput) {
        scan(report, List.of(line), i, findings);
      }
      if (line.contains("</system-out>") || line.contains("</system-err>")) {
        inOutput = false;
      }
    }
  }

  /** The log file is appended to across runs: only lines dated after this JVM started count. */
  private void scanLinesOfThisRun(Path log, List<String> findings) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    int first = lines.size();
    for (int i = 0; i < lines.size(); i++) {
      Matcher dated = DATED.matcher(lines.get(i));
      if (dated.find() && !startedBefore(dated.group(1))) {
        first = i;
        break;
      }
    }
    scan(log, lines.subList(first, lines.size()), first, findings);
  }

  private boolean startedBefore(String timestamp) {
    try {
      return OffsetDateTime.parse(timestamp).toInstant().isBefore(runStarted.minusSeconds(1));
    } catch (DateTimeParseException e) {
      return true;
    }
  }

  private boolean writtenDuringThisRun(Path file) {
    try {
      return Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isAfter(runStarted);
    } catch (IOException e) {
      return false;
    }
  }

  private static void scan(Path file, List<String> lines, int offset, List<String> findings) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (EMAIL.matcher(line).find()) {
        findings.add(file + ":" + (offset + i + 1) + " holds an email address");
      }
      if (PHONE.matcher(line).find()) {
        findings.add(file + ":" + (offset + i + 1) + " holds a phone number");
      }
    }
  }
}
