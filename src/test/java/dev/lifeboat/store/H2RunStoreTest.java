package dev.lifeboat.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The run store on the embedded default: an H2 file in PostgreSQL mode, reopened from the same file. */
class H2RunStoreTest {
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

    Database reopenFile() {
        database.close();
        assertTrue(Files.exists(dir.resolve("data/lifeboat.mv.db")));
        database = Database.open(H2AuditStoreTest.settings(dir.resolve("data")));
        return database;
    }

    @Nested
    class Records extends RunStoreContract {
        @Override
        Database database() {
            return database;
        }

        @Override
        Database reopen() {
            return reopenFile();
        }
    }

    @Nested
    class Incidents extends IncidentStoreContract {
        @Override
        Database database() {
            return database;
        }
    }

    @Nested
    class Locks extends RunLockContract {
        @Override
        Database database() {
            return database;
        }

        @Override
        Database reopen() {
            return reopenFile();
        }
    }

    @Nested
    class Leases extends LeaderLeaseContract {
        @Override
        Database database() {
            return database;
        }

        @Override
        Database reopen() {
            return reopenFile();
        }
    }

    @Nested
    class Schedules extends ScheduleStoreContract {
        @Override
        Database database() {
            return database;
        }

        @Override
        Database reopen() {
            return reopenFile();
        }
    }

    @Nested
    class Offsite extends OffsiteLedgerContract {
        @Override
        Database database() {
            return database;
        }

        @Override
        Database reopen() {
            return reopenFile();
        }
    }

    @Nested
    class Monitors extends MonitorStateContract {
        @Override
        Database database() {
            return database;
        }

        @Override
        Database reopen() {
            return reopenFile();
        }
    }
}
