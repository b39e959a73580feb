package dev.lifeboat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.audit.AuditEntry;
import dev.lifeboat.audit.AuditTimings;
import dev.lifeboat.audit.AuditUnavailableException;
import dev.lifeboat.audit.JdbcAuditLog;
import dev.lifeboat.health.HealthBoard;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The same behaviour asked of every state store Lifeboat supports. */
abstract class AuditStoreContract {
    /** A freshly migrated store. */
    abstract Database database();

    final HealthBoard health = new HealthBoard();

    JdbcAuditLog newLog() {
        return new JdbcAuditLog(database().dataSource(), health, new AuditTimings(Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }

    static AuditEntry entry(String runId, String surface) {
        return new AuditEntry(Instant.now(), "U0AAA", "alice", surface, Optional.empty(), "restart web", "ok", Optional.empty(), runId);
    }

    @Test
    void migrationsCreateTheAuditTableAndRecordTheirVersion() throws Exception {
        try (Connection c = database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            assertTrue(rs.next());
            assertEquals("1", rs.getString(1));
            assertTrue(rs.next());
            assertEquals("2", rs.getString(1), "the dead-letter table");
        }
    }

    @Test
    void auditEntriesRoundTripNewestFirst() {
        try (JdbcAuditLog log = newLog()) {
            roundTrip(log);
        }
    }

    private void roundTrip(JdbcAuditLog log) {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        log.append(new AuditEntry(t0, "U0AAA", "alice", "slack", Optional.of("C0INC"), "status", "ok", Optional.empty(), "run1"));
        log.append(new AuditEntry(t0.plusSeconds(1), "console:bob", "bob", "console", Optional.empty(), "restart web",
                "denied", Optional.of("not an operator"), "run2"));

        List<AuditEntry> recent = log.recent(10);

        assertEquals(2, recent.size());
        AuditEntry newest = recent.get(0);
        assertEquals("run2", newest.runId());
        assertEquals("console:bob", newest.actorId());
        assertEquals("console", newest.surface());
        assertEquals(Optional.empty(), newest.channel());
        assertEquals("restart web", newest.commandText());
        assertEquals("denied", newest.outcome());
        assertEquals(Optional.of("not an operator"), newest.detail());
        assertEquals(t0.plusSeconds(1), newest.at());
        assertEquals(Optional.of("C0INC"), recent.get(1).channel());
        assertEquals(1, log.recent(1).size());
    }

    @Test
    void oneRunsEntriesAreItsOwnAndTheCommandsNamingItOldestFirst() {
        try (JdbcAuditLog log = newLog()) {
            Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            log.append(new AuditEntry(t0, "U0AAA", "alice", "slack", Optional.empty(), "restore b012", "ok", Optional.empty(), "c1"));
            log.append(new AuditEntry(t0.plusSeconds(1), "U0AAA", "alice", "slack", Optional.empty(), "confirm r-abc234 acme-prod",
                    "ok", Optional.empty(), "c2"));
            log.append(new AuditEntry(t0.plusSeconds(2), "U0AAA", "", "runbook", Optional.empty(), "restore: Restore b012",
                    "started", Optional.empty(), "r-abc234"));
            log.append(new AuditEntry(t0.plusSeconds(3), "U0BBB", "bob", "slack", Optional.empty(), "approve r-abc234",
                    "ok", Optional.empty(), "c3"));
            log.append(new AuditEntry(t0.plusSeconds(4), "U0BBB", "bob", "slack", Optional.empty(), "cancel r-abc2345",
                    "ok", Optional.empty(), "c4"));
            log.append(new AuditEntry(t0.plusSeconds(5), "U0AAA", "", "runbook", Optional.empty(), "restore: Restore b012",
                    "succeeded", Optional.of("RTO 4 min"), "r-abc234"));

            List<String> story = log.ofRun("r-abc234", 50).stream().map(e -> e.commandText() + " → " + e.outcome()).toList();

            assertEquals(List.of("confirm r-abc234 acme-prod → ok", "restore: Restore b012 → started", "approve r-abc234 → ok",
                    "restore: Restore b012 → succeeded"), story, "r-abc2345 is another run");
            assertEquals(2, log.ofRun("r-abc234", 2).size());
            assertEquals(List.of(), log.ofRun("r-%", 50), "no wildcard gets through");
        }
    }

    @Test
    void secretsInCommandTextAreRedactedBeforeTheyAreStored() {
        try (JdbcAuditLog log = newLog()) {
            log.append(new AuditEntry(Instant.now(), "U0AAA", "alice", "slack", Optional.empty(),
                    "restore https://b.s3.amazonaws.com/x.dump?X-Amz-Signature=deadbeef to staging", "ok",
                    Optional.of("token xoxb-1-2-secret"), "run3"));

            AuditEntry stored = log.recent(1).get(0);

            assertEquals("restore https://b.s3.amazonaws.com/x.dump?… to staging", stored.commandText());
            assertFalse(stored.detail().orElseThrow().contains("xoxb"));
        }
    }

    @Test
    void manyConcurrentAppendsAreAllStoredAndCloseWaitsForThem() throws Exception {
        int threads = 8;
        int each = 250;
        JdbcAuditLog log = newLog();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.execute(() -> {
                for (int i = 0; i < each; i++) {
                    log.append(new AuditEntry(Instant.now(), "U" + thread, "u", "slack", Optional.empty(), "help",
                            "ok", Optional.empty(), thread + "-" + i));
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS));
        log.close();

        try (Connection c = database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_log")) {
            assertTrue(rs.next());
            assertEquals(threads * each, rs.getInt(1));
        }
        try (JdbcAuditLog reader = newLog()) {
            List<AuditEntry> newestFirst = reader.recent(threads * each);
            for (int thread = 0; thread < threads; thread++) {
                String prefix = thread + "-";
                List<String> mine = newestFirst.stream().map(AuditEntry::runId).filter(id -> id.startsWith(prefix)).toList();
                assertEquals(prefix + (each - 1), mine.get(0), "each writer's entries keep their order");
                assertEquals(prefix + "0", mine.get(mine.size() - 1));
            }
        }
    }

    @Test
    void aPoisonEntryGoesToTheDeadLetterAndTheEntriesAroundItAreStoredInOrder() throws Exception {
        try (JdbcAuditLog log = newLog()) {
            for (int i = 0; i < 100; i++) {
                log.append(entry("before-" + i, "slack"));
            }
            // The surface column holds 16 characters: the database refuses this value whatever we do.
            log.append(entry("poison", "x".repeat(40)));
            for (int i = 0; i < 100; i++) {
                log.append(entry("after-" + i, "slack"));
            }
            assertTrue(log.flush(Duration.ofSeconds(20)), "the poison entry does not block the log");

            List<String> stored = log.recent(300).stream().map(AuditEntry::runId).toList();
            assertEquals(200, stored.size());
            assertEquals("after-99", stored.get(0));
            assertEquals("before-0", stored.get(199));
            assertEquals(stored.indexOf("before-99") - 1, stored.indexOf("after-0"), "order kept around the poison");
        }
        try (Connection c = database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT reason, entry FROM audit_dead_letter")) {
            assertTrue(rs.next(), "the refused entry is kept aside");
            assertTrue(rs.getString("reason").toLowerCase(java.util.Locale.ROOT).contains("too long"), rs.getString("reason"));
            assertTrue(rs.getString("entry").contains("run=\"poison\""), rs.getString("entry"));
            assertTrue(rs.getString("entry").contains("surface=\"" + "x".repeat(40) + "\""), rs.getString("entry"));
            assertFalse(rs.next());
        }
        assertEquals(java.util.Map.of(), health.problems(), "a refused value is not an outage");
    }

    @Test
    void appendNowReturnsOnlyOnceTheEntryIsInTheStore() throws Exception {
        try (JdbcAuditLog log = newLog()) {
            log.appendNow(entry("started-1", "slack"));

            try (Connection c = database().dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_log WHERE run_id = 'started-1'")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @Test
    void appendNowOfAnEntryTheDatabaseRefusesFailsAndSaysWhy() {
        try (JdbcAuditLog log = newLog()) {
            AuditUnavailableException e = assertThrows(AuditUnavailableException.class,
                    () -> log.appendNow(entry("poison-now", "y".repeat(40))));

            assertTrue(e.getMessage().startsWith("the audit log refused the entry: "), e.getMessage());
            assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("too long"), e.getMessage());
        }
    }

    @Test
    void recentByReadsOnlyThatPersonsEntries() {
        try (JdbcAuditLog log = newLog()) {
            log.append(new AuditEntry(Instant.now(), "U0AAA", "alice", "slack", Optional.empty(), "status", "ok", Optional.empty(), "a1"));
            log.append(new AuditEntry(Instant.now(), "U0BBB", "bob", "slack", Optional.empty(), "status", "ok", Optional.empty(), "b1"));
            log.append(new AuditEntry(Instant.now(), "U0AAA", "alice", "slack", Optional.empty(), "backups", "ok", Optional.empty(), "a2"));

            assertEquals(List.of("a2", "a1"), log.recentBy("U0AAA", 10).stream().map(AuditEntry::runId).toList());
            assertEquals(List.of("b1"), log.recentBy("U0BBB", 10).stream().map(AuditEntry::runId).toList());
        }
    }
}
