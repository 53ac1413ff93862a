package io.engage.engine.platform.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * Keys for the embedded default: generated once into the data directory (next to the embedded
 * database, never in the repository or the database itself), readable by the owner only. A real
 * installation configures {@code engage.pii.*} instead.
 */
final class PiiKeyFile {

  static final String FILE_NAME = "pii-keys.properties";

  private PiiKeyFile() {}

  static PiiProperties loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        create(dataDir, file);
      }
      Properties stored = new Properties();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        stored.load(reader);
      }
      String id = stored.getProperty("active-key-id");
      return new PiiProperties(List.of(new PiiProperties.KeySpec(id, stored.getProperty("key." + id))), id,
          stored.getProperty("lookup-key"));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read or create the embedded personal-data keys in " + dataDir, e);
    }
  }

  private static void create(Path dataDir, Path file) throws IOException {
    Files.createDirectories(dataDir);
    Properties fresh = new Properties();
    String id = "embedded-1";
    fresh.setProperty("active-key-id", id);
    fresh.setProperty("key." + id, randomKey());
    fresh.setProperty("lookup-key", randomKey());
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      return; // another process created it first; theirs is the one to use
    }
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
      fresh.store(writer, "Engage embedded personal-data keys: losing this file makes the stored personal data unreadable");
    }
  }

  static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
