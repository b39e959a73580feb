package dev.lifeboat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.lifeboat.access.Operators;
import dev.lifeboat.audit.AuditEntry;
import dev.lifeboat.audit.AuditTimings;
import dev.lifeboat.audit.HistoryCommand;
import dev.lifeboat.audit.JdbcAuditLog;
import dev.lifeboat.command.Actor;
import dev.lifeboat.command.CommandHandler;
import dev.lifeboat.command.CommandRegistry;
import dev.lifeboat.command.CommandRunner;
import dev.lifeboat.command.CommandSpec;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.Surface;
import dev.lifeboat.config.AccessSettings;
import dev.lifeboat.config.RuntimeSettings;
import dev.lifeboat.config.Secret;
import dev.lifeboat.health.HealthBoard;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.reply.TextRenderer;
import dev.lifeboat.testing.Eventually;
import dev.lifeboat.testing.LogCapture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real PostgreSQL stops in the middle of work and starts again: nothing is lost, nothing changes unrecorded. */
class PostgresOutageTest {
    static final String PASSWORD = "pw-s3cret-9f2c";

    @TempDir
    Path pgData;
    int port;
    EmbeddedPostgres postgres;
    Database database;
    JdbcAuditLog audit;
    final HealthBoard health = new HealthBoard();
    final AtomicInteger restarts = new AtomicInteger();

    EmbeddedPostgres startPostgres() throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).setPort(port).start();
    }

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        postgres = startPostgres();
        String url = "postgres://postgres:" + PASSWORD + "@localhost:" + port + "/postgres";
        database = Database.open(new RuntimeSettings(3000, Path.of("unused"), Optional.of(new Secret(url)), Optional.empty(),
                60, 3, false, Optional.empty()), new StoreTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(5)));
        audit = new JdbcAuditLog(database.dataSource(), health, new AuditTimings(Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() throws Exception {
        audit.close();
        database.close();
        postgres.close();
    }

    CommandRunner runner() {
        CommandHandler restart = new CommandHandler() {
            @Override
            public CommandSpec spec() {
                return CommandSpec.changes("restart", "[TYPE]", "restart dynos (test double)");
            }

            @Override
            public Reply handle(Invocation invocation) {
                restarts.incrementAndGet();
                return Reply.text("Restarted");
            }
        };
        Operators operators = new Operators(new AccessSettings(List.of("U0OPS"), 1), group -> Set.of(), Clock.systemUTC());
        return new CommandRunner(new CommandRegistry(Set.of(restart, new HistoryCommand(audit, operators))), operators, audit,
                Clock.systemUTC(), Set.of());
    }

    static AuditEntry entry(String runId) {
        return new AuditEntry(Instant.now(), "U0AAA", "alice", "slack", Optional.of("C0INC"), "status", "ok", Optional.empty(), runId);
    }

    @Test
    void whileTheStoreIsDownChangesAreRefusedTheHealthBoardSaysWhyAndQueuedEntriesAreWrittenWhenItReturns() throws Exception {
        CommandRunner runner = runner();
        Actor console = new Actor("console:ops", "ops");
        try (LogCapture log = LogCapture.of("dev.lifeboat.audit.AuditWriter")) {
            audit.append(entry("before"));
            assertTrue(audit.flush(Duration.ofSeconds(5)));

            postgres.close();
            audit.append(entry("during-1"));
            audit.append(entry("during-2"));

            Eventually.await("the audit problem on the health board", Duration.ofSeconds(15),
                    () -> health.problems().containsKey("audit"));
            HealthBoard.Problem problem = health.problems().get("audit");
            assertEquals(HealthBoard.Severity.DEGRADED, problem.severity());
            assertTrue(problem.reason().startsWith("2 entries not written: "), problem.reason());

            long start = System.nanoTime();
            String answer = TextRenderer.render(runner.run("restart web", console, Surface.CONSOLE, Optional.empty()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(answer.startsWith("⚠️ Lifeboat cannot record this in its audit log right now (its state store "), answer);
            assertTrue(answer.contains("); nothing was changed. Try restart again in a minute;"), answer);
            assertEquals(0, restarts.get(), "nothing changes unrecorded");
            assertTrue(millis < 4_000, "refused within the started-entry bound, took " + millis + " ms");

            String history = TextRenderer.render(runner.run("history", console, Surface.CONSOLE, Optional.empty()));
            assertTrue(history.startsWith("⚠️ history could not finish: the audit log could not be read: "), history);

            Eventually.await("a reason naming the refused connection", Duration.ofSeconds(15),
                    () -> String.valueOf(health.problems().get("audit")).contains("Connection to localhost:" + port + " refused"));
            // The board and the log are written one after the other by the writer thread: wait for the line too.
            Eventually.await("a WARN line naming the refused connection", Duration.ofSeconds(15),
                    () -> log.lines(Level.WARN).stream().anyMatch(l -> l.startsWith("event=audit_write_failed entries=")
                            && l.contains("error=\"Connection to localhost:" + port + " refused\"")));
            List<String> warnings = log.lines(Level.WARN);
            assertTrue(warnings.stream().noneMatch(l -> l.contains(PASSWORD)), "no secret in the log");
            assertFalse(health.problems().get("audit").reason().contains(PASSWORD));

            postgres = startPostgres();
            Eventually.await("the audit problem to clear", Duration.ofSeconds(30), () -> !health.problems().containsKey("audit"));
        }
        assertTrue(audit.flush(Duration.ofSeconds(10)));
        List<AuditEntry> newestFirst = audit.recent(20);
        List<String> runIds = newestFirst.stream().map(AuditEntry::runId).toList();
        assertTrue(runIds.indexOf("before") > runIds.indexOf("during-1"), runIds.toString());
        assertTrue(runIds.indexOf("during-1") > runIds.indexOf("during-2"), runIds.toString());
        assertTrue(runIds.indexOf("during-2") >= 0, runIds.toString());
        AuditEntry refused = newestFirst.stream().filter(e -> e.commandText().equals("restart web")).findFirst().orElseThrow();
        assertEquals("not-run", refused.outcome(), "the newest entry of the refused change says it never ran");
        assertTrue(refused.detail().orElseThrow().startsWith("the audit log could not record the start: "), refused.detail().orElseThrow());
    }
}
