package dev.lifeboat.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.lifeboat.config.RuntimeSettings;
import dev.lifeboat.health.HealthBoard;
import dev.lifeboat.store.Database;
import dev.lifeboat.testing.Eventually;
import dev.lifeboat.testing.LogCapture;
import dev.lifeboat.testing.SwitchableDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store becomes unreachable (as over a cut network) while entries keep coming. */
class AuditOutageTest {
    static final AuditTimings TIMINGS = new AuditTimings(Duration.ofSeconds(5), Duration.ofSeconds(2));

    @TempDir
    Path dir;
    Database database;
    SwitchableDataSource store;
    final HealthBoard health = new HealthBoard();

    @BeforeEach
    void open() {
        database = Database.open(new RuntimeSettings(3000, dir, Optional.empty(), Optional.empty(), 60, 3, false, Optional.empty()));
        store = new SwitchableDataSource(database.dataSource());
    }

    @AfterEach
    void close() {
        database.close();
    }

    static AuditEntry entry(String runId) {
        return new AuditEntry(Instant.now(), "U0AAA", "alice", "slack", Optional.empty(), "status", "ok", Optional.empty(), runId);
    }

    int stored(String runIdPrefix) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_log WHERE run_id LIKE '" + runIdPrefix + "%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void entriesQueuedDuringAnOutageAreWrittenInOrderWhenTheStoreIsBack() throws Exception {
        try (JdbcAuditLog audit = new JdbcAuditLog(store, health, TIMINGS)) {
            store.down();
            audit.append(entry("o-1"));
            audit.append(entry("o-2"));
            audit.append(entry("o-3"));

            Eventually.await("the audit problem", Duration.ofSeconds(10), () -> health.problems().containsKey("audit"));
            assertEquals("3 entries not written: Connection to db.internal:5432 refused (test outage)",
                    health.problems().get("audit").reason());
            assertEquals(0, stored("o-"));

            store.up();
            Eventually.await("the audit problem to clear", Duration.ofSeconds(15), () -> !health.problems().containsKey("audit"));
            assertEquals(List.of("o-3", "o-2", "o-1"), audit.recent(3).stream().map(AuditEntry::runId).toList());
        }
    }

    @Test
    void whenTheQueueIsFullDuringAnOutageEveryEntryEndsUpInTheStoreOrInTheLogAndChangesAreRefusedAtOnce() throws Exception {
        int appended = 600;
        try (LogCapture log = LogCapture.of(DeadLetter.class);
             JdbcAuditLog audit = new JdbcAuditLog(store, health, TIMINGS, 5, Duration.ofSeconds(10))) {
            store.down();
            audit.append(entry("first"));
            Eventually.await("the audit problem", Duration.ofSeconds(10), () -> health.problems().containsKey("audit"));

            for (int i = 0; i < appended; i++) {
                audit.append(entry("q-" + i));
            }
            long start = System.nanoTime();
            AuditUnavailableException refused = assertThrows(AuditUnavailableException.class, () -> audit.appendNow(entry("change")));
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertTrue(millis < TIMINGS.startedWait().toMillis(), "a change is refused without waiting out the 5 s bound: " + millis + " ms");
            assertTrue(refused.getMessage().startsWith("5 earlier entries are still waiting to be written (Connection to db.internal")
                    || refused.getMessage().startsWith("its state store fails: Connection to db.internal"), refused.getMessage());
            List<String> loggedOnly = log.lines(Level.ERROR).stream()
                    .filter(l -> l.startsWith("event=audit_entry_not_stored reason=\"the audit queue is full (5 entries waiting: Connection to db.internal:5432 refused (test outage))\""))
                    .toList();
            assertTrue(loggedOnly.size() >= appended - 500 - 5 - 10, "the overflow is in the log: " + loggedOnly.size());
            assertTrue(loggedOnly.get(0).contains(" run=\"q-") && loggedOnly.get(0).contains(" actor_id=\"U0AAA\"")
                    && loggedOnly.get(0).contains(" command=\"status\""), loggedOnly.get(0));

            store.up();
            Eventually.await("the audit problem to clear", Duration.ofSeconds(15), () -> !health.problems().containsKey("audit"));
            assertTrue(audit.flush(Duration.ofSeconds(10)));
            assertEquals(appended, stored("q-") + loggedOnly.size(), "nothing is lost: every entry is in the store or the log");
            assertEquals(1, stored("first"));
        }
    }

    @Test
    void stoppingWhileTheStoreIsDownWritesTheUnwrittenEntriesToTheLog() throws Exception {
        try (LogCapture log = LogCapture.of(DeadLetter.class)) {
            JdbcAuditLog audit = new JdbcAuditLog(store, health, TIMINGS, 100, Duration.ofMillis(500));
            store.down();
            audit.append(entry("s-1"));
            audit.append(entry("s-2"));

            audit.close();

            List<String> errors = log.lines(Level.ERROR);
            assertEquals(2, errors.size(), String.join("\n", errors));
            assertTrue(errors.get(0).startsWith("event=audit_entry_not_stored reason=\"not written before Lifeboat stopped"), errors.get(0));
            assertTrue(errors.get(0).contains("run=\"s-1\"") && errors.get(1).contains("run=\"s-2\""), String.join("\n", errors));
        }
    }
}
