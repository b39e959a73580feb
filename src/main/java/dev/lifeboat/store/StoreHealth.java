package dev.lifeboat.store;

import dev.lifeboat.config.Redact;
import dev.lifeboat.health.CachedCheck;
import dev.lifeboat.health.PartHealth;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state store in {@code /healthz} ({@code store}): one trivial query, answered within {@link #WAIT} or the store
 * is {@code no_answer}; {@code unreachable} when it fails. The answer is kept for {@link #FRESH}, so a flood of
 * health checks costs the database at most one query a second. The reason goes to the log, never to the endpoint.
 */
final class StoreHealth {
    static final String PART = "store";
    static final Duration FRESH = Duration.ofSeconds(1);
    static final Duration WAIT = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(StoreHealth.class);

    private StoreHealth() {
    }

    static CachedCheck part(DataSource dataSource) {
        return new CachedCheck(PART, FRESH, WAIT, () -> query(dataSource));
    }

    static PartHealth query(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, WAIT.toSeconds()));
            statement.execute("SELECT 1");
            return PartHealth.ok("ok");
        } catch (SQLException e) {
            log.warn("event=store_check_failed error=\"{}\"", Redact.text(String.valueOf(e.getMessage())));
            return PartHealth.down("unreachable");
        }
    }
}
