package dev.lifeboat.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lifeboat.config.DatabaseUrl;
import dev.lifeboat.config.Redact;
import dev.lifeboat.config.RuntimeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lifeboat's own state: PostgreSQL when {@code DATABASE_URL} is set, otherwise an embedded H2 file (PostgreSQL mode)
 * under {@code LIFEBOAT_DATA_DIR}, opened by one process at a time. Opening it runs the Flyway migrations; closing
 * it closes the pool. Every wait on the store is bounded ({@link StoreTimeouts}).
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final String jdbcUrl;
    private final String description;

    private Database(HikariDataSource dataSource, String jdbcUrl, String description) {
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
        this.description = description;
    }

    public static Database open(RuntimeSettings settings) {
        return open(settings, StoreTimeouts.DEFAULT);
    }

    public static Database open(RuntimeSettings settings, StoreTimeouts timeouts) {
        if (settings.databaseUrl().isPresent()) {
            DatabaseUrl url = DatabaseUrl.parse(settings.databaseUrl().get().reveal());
            HikariConfig config = pool(url.jdbcUrl(), url.user(), url.password() == null ? null : url.password().reveal(), timeouts);
            postgresTimeouts(config, timeouts);
            return open(config, "PostgreSQL");
        }
        Path dir = settings.dataDir().toAbsolutePath().normalize();
        privateDirectory(dir);
        return open(pool(h2Url(dir), "sa", "", timeouts), "H2 at " + dir);
    }

    /** Group or other permissions that let someone else read or change the store's files. */
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    /**
     * The data directory holds the audit log and run state: a new one is created owner-only ({@code 0700}); an
     * existing one that others may read or write is used as it is, with a warning at start saying how to fix it.
     */
    static void privateDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                if (dir.getParent() != null && !Files.isDirectory(dir.getParent())) {
                    Files.createDirectories(dir.getParent());
                }
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createDirectory(dir);
                } catch (FileAlreadyExistsException raced) {
                    // Created meanwhile by someone else: checked below like any existing directory.
                }
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
            if (permissions.stream().anyMatch(SHARED::contains)) {
                log.warn("event=data_dir_not_private dir=\"{}\" permissions={} hint=\"it holds the audit log and run state;"
                        + " run chmod 700 {}\"", dir, PosixFilePermissions.toString(permissions), dir);
            }
        } catch (UnsupportedOperationException notPosix) {
            // A file system without POSIX permissions (Windows): nothing to set or check.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create LIFEBOAT_DATA_DIR " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The embedded store. No {@code AUTO_SERVER}: that would open a TCP port on every interface so that a second
     * process could share the file. Instead the file is opened by one process at a time, and a second one is told
     * so when it starts (see {@link #inUse}). {@code WRITE_DELAY=0}: a commit is written to the file before it
     * returns (H2's default writes it up to 500 ms later, so a killed process lost a run's last steps and resumed
     * from a step that had already ended).
     */
    public static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("lifeboat") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }

    /** Any JDBC URL (tests open other stores this way), with the pool's own timeouts. */
    public static Database open(String jdbcUrl, String user, String password, String description) {
        return open(pool(jdbcUrl, user, password, StoreTimeouts.DEFAULT), description);
    }

    private static HikariConfig pool(String jdbcUrl, String user, String password, StoreTimeouts timeouts) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setPoolName("lifeboat-store");
        config.setConnectionTimeout(timeouts.poolWait().toMillis());
        config.setValidationTimeout(Math.min(timeouts.poolWait().toMillis(), 5_000));
        return config;
    }

    /**
     * pgjdbc's own timeouts, as driver properties: a value given in {@code DATABASE_URL} itself wins. The statement
     * timeout travels in the startup packet ({@code options=-c statement_timeout=…}); a pooler that refuses startup
     * options (PgBouncer without {@code ignore_startup_parameters=options}) needs the direct database URL.
     */
    static void postgresTimeouts(HikariConfig config, StoreTimeouts timeouts) {
        config.addDataSourceProperty("connectTimeout", Long.toString(timeouts.connect().toSeconds()));
        config.addDataSourceProperty("loginTimeout", Long.toString(timeouts.connect().toSeconds() * 2));
        config.addDataSourceProperty("socketTimeout", Long.toString(Math.max(1, timeouts.socket().toSeconds())));
        config.addDataSourceProperty("options", "-c statement_timeout=" + timeouts.statement().toMillis());
        config.addDataSourceProperty("tcpKeepAlive", "true");
    }

    private static Database open(HikariConfig config, String description) {
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            if (inUse(e)) {
                throw new IllegalStateException("the state store (" + description + ") is in use by another Lifeboat"
                        + " process, a running server or console: the embedded store opens in one process at a time."
                        + " Stop the other process, or give both the same DATABASE_URL (PostgreSQL), or set"
                        + " LIFEBOAT_DATA_DIR to another directory (a separate audit log).", e);
            }
            throw new IllegalStateException("cannot open the state store (" + description + "): " + rootMessage(e), e);
        }
        try {
            int applied = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate()
                    .migrationsExecuted;
            log.info("event=store_ready store=\"{}\" migrations_applied={}", description, applied);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new IllegalStateException("cannot migrate the state store (" + description + "): " + rootMessage(e), e);
        }
        return new Database(dataSource, config.getJdbcUrl(), description);
    }

    /** True when H2 refused the file because another process holds it. */
    static boolean inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
        }
        return false;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL as opened, with any credentials removed. */
    public String jdbcUrl() {
        return Redact.url(jdbcUrl);
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return Redact.text(String.valueOf(root.getMessage()));
    }
}
