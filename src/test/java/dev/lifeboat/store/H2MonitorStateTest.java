package dev.lifeboat.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The monitor's state on the embedded default: an H2 file in PostgreSQL mode, reopened from the same file. */
class H2MonitorStateTest extends MonitorStateContract {
    @TempDir
    Path dir;
    Database database;

    @BeforeEach
    void open() {
        database = Database.open(H2AuditStoreTest.settings(dir.resolve("data")));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    Database database() {
        return database;
    }

    @Override
    Database reopen() {
        database.close();
        database = Database.open(H2AuditStoreTest.settings(dir.resolve("data")));
        return database;
    }
}
