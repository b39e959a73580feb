package dev.lifeboat.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lifeboat.config.DatabaseUrl;
import dev.lifeboat.config.RuntimeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lifeboat's own state: PostgreSQL when {@code DATABASE_URL} is set, otherwise an embedded H2 file (PostgreSQL mode)
 * under {@code LIFEBOAT_DATA_DIR}. Opening it runs the Flyway migrations; closing it closes the pool.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final String description;

    private Database(HikariDataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.description = description;
    }

    public static Database open(RuntimeSettings settings) {
        if (settings.databaseUrl().isPresent()) {
            DatabaseUrl url = DatabaseUrl.parse(settings.databaseUrl().get().reveal());
            return open(url.jdbcUrl(), url.user(), url.password() == null ? null : url.password().reveal(), "PostgreSQL");
        }
        Path dir = settings.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create LIFEBOAT_DATA_DIR " + dir + ": " + e.getMessage(), e);
        }
        return open(h2Url(dir), "sa", "", "H2 at " + dir);
    }

    /** The embedded store: AUTO_SERVER lets the console and a running server share one file. */
    public static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("lifeboat") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
    }

    public static Database open(String jdbcUrl, String user, String password, String description) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setPoolName("lifeboat-store");
        config.setConnectionTimeout(10_000);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
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
        return new Database(dataSource, description);
    }

    public DataSource dataSource() {
        return dataSource;
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
        return dev.lifeboat.config.Redact.text(String.valueOf(root.getMessage()));
    }
}
