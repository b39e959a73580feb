package dev.lifeboat.store;

import dev.lifeboat.audit.AuditEntry;
import dev.lifeboat.audit.JdbcAuditLog;
import dev.lifeboat.config.RuntimeSettings;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded default: an H2 file in PostgreSQL mode under LIFEBOAT_DATA_DIR. */
class H2AuditStoreTest extends AuditStoreContract {
    @TempDir
    Path dir;
    Database database;

    @BeforeEach
    void open() {
        database = Database.open(settings(dir.resolve("data")));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    Database database() {
        return database;
    }

    static RuntimeSettings settings(Path dataDir) {
        return new RuntimeSettings(3000, dataDir, Optional.empty(), Optional.empty(), 60, 3, false, Optional.empty());
    }

    @Test
    void theFileIsCreatedUnderTheDataDirAndSurvivesAReopen() {
        try (JdbcAuditLog log = newLog()) {
            log.append(new AuditEntry(Instant.now(), "U1", "u", "slack", Optional.empty(), "help", "ok", Optional.empty(), "r1"));
        }
        database.close();

        assertTrue(Files.exists(dir.resolve("data/lifeboat.mv.db")));
        database = Database.open(settings(dir.resolve("data")));
        try (JdbcAuditLog log = newLog()) {
            assertEquals(1, log.recent(5).size());
        }
    }
}
