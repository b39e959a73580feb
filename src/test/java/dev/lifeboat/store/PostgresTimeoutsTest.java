package dev.lifeboat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.access.Operators;
import dev.lifeboat.audit.AuditTimings;
import dev.lifeboat.audit.HistoryCommand;
import dev.lifeboat.audit.JdbcAuditLog;
import dev.lifeboat.command.Actor;
import dev.lifeboat.command.CommandRegistry;
import dev.lifeboat.command.CommandRunner;
import dev.lifeboat.command.Surface;
import dev.lifeboat.config.AccessSettings;
import dev.lifeboat.config.RuntimeSettings;
import dev.lifeboat.config.Secret;
import dev.lifeboat.health.HealthBoard;
import dev.lifeboat.reply.TextRenderer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A slow or hung PostgreSQL never holds a Lifeboat thread for ever: every wait has its bound. */
class PostgresTimeoutsTest {
    static final StoreTimeouts SHORT = new StoreTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ofSeconds(3));
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    static RuntimeSettings databaseUrl(String url) {
        return new RuntimeSettings(3000, Path.of("unused"), Optional.of(new Secret(url)), Optional.empty(), 60, 3, false,
                Optional.empty());
    }

    static RuntimeSettings local() {
        return databaseUrl("postgres://postgres:unused@localhost:" + postgres.getPort() + "/postgres");
    }

    @Test
    void aStatementRunningLongerThanTheStatementTimeoutIsCancelledByTheServer() throws Exception {
        try (Database database = Database.open(local(), SHORT);
             Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            long start = System.nanoTime();

            SQLException e = assertThrows(SQLException.class, () -> s.execute("SELECT pg_sleep(30)"));

            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("57014", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("statement timeout"), e.getMessage());
            assertTrue(millis >= 900 && millis < 5_000, "cut after about 1 s, took " + millis + " ms");
        }
    }

    @Test
    void theDefaultStatementTimeoutIsSetOnEveryConnection() throws Exception {
        try (Database database = Database.open(local());
             Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SHOW statement_timeout")) {
            assertTrue(rs.next());
            assertEquals("10s", rs.getString(1));
        }
    }

    @Test
    void historyAnswersThatTheAuditLogDidNotAnswerWhenItsQueryIsHeldUp() throws Exception {
        try (Database database = Database.open(local(), new StoreTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofSeconds(20)));
             JdbcAuditLog audit = new JdbcAuditLog(database.dataSource(), new HealthBoard(),
                     new AuditTimings(Duration.ofSeconds(1), Duration.ofSeconds(1)));
             Connection locker = database.dataSource().getConnection(); Statement lock = locker.createStatement()) {
            Operators operators = new Operators(new AccessSettings(List.of("U0OPS"), 1), group -> Set.of(), Clock.systemUTC());
            CommandRunner runner = new CommandRunner(new CommandRegistry(Set.of(new HistoryCommand(audit, operators))),
                    operators, audit, Clock.systemUTC(), Set.of());
            // Someone holds the table (a long migration, say): the read waits behind the lock.
            locker.setAutoCommit(false);
            lock.execute("LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE");
            long start = System.nanoTime();

            String answer = TextRenderer.render(runner.run("history", new Actor("console:ops", "ops"), Surface.CONSOLE, Optional.empty()));

            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(answer.startsWith("⚠️ history could not finish: the audit log did not answer within 1 s (run "), answer);
            assertTrue(millis < 4_000, "answered within the bound, took " + millis + " ms");
            locker.rollback();
        }
    }

    @Test
    void aDatabaseThatAcceptsConnectionsButNeverAnswersFailsTheStartWithinTheConnectBound() throws Exception {
        List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            }, "silent-postgres");
            acceptor.setDaemon(true);
            acceptor.start();
            long start = System.nanoTime();

            // Without its timeouts the driver would wait for the server's first byte for ever: the test gives up at 20 s.
            IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(IllegalStateException.class,
                    () -> Database.open(databaseUrl("postgres://lifeboat:pw-hung-0042@localhost:" + silent.getLocalPort()
                            + "/lifeboat"), SHORT)));

            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(e.getMessage().startsWith("cannot open the state store (PostgreSQL): "), e.getMessage());
            assertFalse(e.getMessage().contains("pw-hung-0042"), e.getMessage());
            assertTrue(millis < 8_000, "gave up within the connect bound, took " + millis + " ms");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
