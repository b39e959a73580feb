package dev.lifeboat.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.access.Operators;
import dev.lifeboat.command.Actor;
import dev.lifeboat.command.CommandRegistry;
import dev.lifeboat.command.CommandRunner;
import dev.lifeboat.command.Surface;
import dev.lifeboat.config.AccessSettings;
import dev.lifeboat.reply.TextRenderer;
import dev.lifeboat.testing.MemoryAuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code history} through the runner, as a person runs it. */
class HistoryCommandTest {
    static final Instant T = Instant.parse("2026-11-27T03:00:00Z");
    final MemoryAuditLog audit = new MemoryAuditLog();
    final Operators operators = new Operators(new AccessSettings(List.of("U0OPS"), 1), group -> Set.of(),
            Clock.fixed(T, ZoneOffset.UTC));
    final CommandRunner runner = new CommandRunner(new CommandRegistry(Set.of(new HistoryCommand(audit, operators))),
            operators, audit, Clock.fixed(T, ZoneOffset.UTC), Set.of());

    void logged(String actorId, String text, String outcome, String runId, int secondsAfter) {
        audit.append(new AuditEntry(T.plusSeconds(secondsAfter), actorId, actorId.toLowerCase(), "slack", Optional.of("C1"),
                text, outcome, Optional.empty(), runId));
    }

    String history(String userId, String text) {
        return TextRenderer.render(runner.run(text, new Actor(userId, "u"), Surface.SLACK, Optional.of("C1")));
    }

    @Test
    void historyReadsTheDatabaseSoItIsNotAnsweredInsideSlacksAcknowledgement() {
        assertFalse(runner.prepare("history 5").answersImmediately());
    }

    @Test
    void anOperatorSeesEveryonesCommandsAndAFinishedChangeAsOneLine() {
        logged("U0ALICE", "status", "ok", "r1", 1);
        logged("U0OPS", "restart web", "started", "r2", 2);
        logged("U0BOB", "backups", "ok", "r3", 3);
        logged("U0OPS", "restart web", "ok", "r2", 4);
        logged("U0OPS", "rollback v12", "started", "r4", 5);

        String answer = history("U0OPS", "history");

        assertEquals("""
                Last 4 commands
                ===============
                2026-11-27 03:00:05 UTC U0OPS rollback v12 → started (no outcome recorded yet) (r4)
                2026-11-27 03:00:04 UTC U0OPS restart web → ok (r2)
                2026-11-27 03:00:03 UTC U0BOB backups → ok (r3)
                2026-11-27 03:00:01 UTC U0ALICE status → ok (r1)""", strip(answer));
    }

    void ran(String runId, String text, String outcome, String detail, int secondsAfter) {
        audit.append(new AuditEntry(T.plusSeconds(secondsAfter), "U0OPS", "", AuditRunListener.SURFACE, Optional.of("C1"),
                text, outcome, detail.isEmpty() ? Optional.empty() : Optional.of(detail), runId));
    }

    @Test
    void aRunIsOneLineItsNewestStateAndHistoryRunTellsItsWholeStory() {
        logged("U0OPS", "restore b012", "ok", "c1", 1);
        logged("U0OPS", "confirm r-abc234 acme-prod", "ok", "c2", 2);
        ran("r-abc234", "restore: Restore b012 into acme-prod (production)", "started", "Started by U0OPS.", 3);
        ran("r-abc234", "restore step: Maintenance mode on for acme-prod", "succeeded", "on", 4);
        ran("r-abc234", "restore step: Wait for the restore of b012", "succeeded", "restored 41.7 MB", 5);
        ran("r-abc234", "restore: Restore b012 into acme-prod (production)", "succeeded",
                "Restored b012 into acme-prod. RTO 4 min 12 s, RPO 6 h.", 6);
        logged("U0BOB", "status", "ok", "c3", 7);
        ran("r-def567", "drill: Drill into acme-staging", "started", "Started by U0OPS.", 8);
        ran("r-def567", "drill step: Start restoring b012 into acme-staging's database", "succeeded", "transfer r1", 9);

        String summary = history("U0OPS", "history");

        assertEquals("""
                Last 5 commands
                ===============
                2026-11-27 03:00:08 UTC U0OPS drill: Drill into acme-staging → running — Started by U0OPS. (r-def567)
                2026-11-27 03:00:07 UTC U0BOB status → ok (c3)
                2026-11-27 03:00:06 UTC U0OPS restore: Restore b012 into acme-prod (production) → succeeded — Restored b012 into acme-prod. RTO 4 min 12 s, RPO 6 h. (r-abc234)
                2026-11-27 03:00:02 UTC U0OPS confirm r-abc234 acme-prod → ok (c2)
                2026-11-27 03:00:01 UTC U0OPS restore b012 → ok (c1)
                A run shows as one line, its newest state; history RUN shows every step of it.""", strip(summary));

        String story = history("U0OPS", "history r-abc234");

        assertEquals("""
                Run r-abc234: 5 entries
                =======================
                2026-11-27 03:00:02 UTC U0OPS confirm r-abc234 acme-prod → ok
                2026-11-27 03:00:03 UTC U0OPS restore: Restore b012 into acme-prod (production) → running — Started by U0OPS.
                2026-11-27 03:00:04 UTC U0OPS restore step: Maintenance mode on for acme-prod → succeeded — on
                2026-11-27 03:00:05 UTC U0OPS restore step: Wait for the restore of b012 → succeeded — restored 41.7 MB
                2026-11-27 03:00:06 UTC U0OPS restore: Restore b012 into acme-prod (production) → succeeded — Restored b012 into acme-prod. RTO 4 min 12 s, RPO 6 h.""",
                strip(story));
        assertEquals("The audit log holds nothing about run r-zzz234.", strip(history("U0OPS", "history r-zzz234")));
        assertTrue(history("U0OPS", "history soon").contains("soon is not a number of entries, nor a run id (like r-7k2m9q)"),
                history("U0OPS", "history soon"));
    }

    @Test
    void someoneElseSeesOnlyTheirOwnCommandsAndIsToldSoInOneLine() {
        logged("U0ALICE", "status", "ok", "r1", 1);
        logged("U0OPS", "restart web", "ok", "r2", 2);
        logged("U0ALICE", "restart web", "denied", "r3", 3);

        String answer = history("U0ALICE", "history 5");

        assertTrue(answer.startsWith("Your last 2 commands\n"), answer);
        assertTrue(answer.contains("U0ALICE restart web → denied (r3)\n"), answer);
        assertTrue(answer.contains("U0ALICE status → ok (r1)"), answer);
        assertFalse(answer.contains("r2"), "another person's command is not shown: " + answer);
        assertTrue(answer.endsWith("\nOnly operators see everyone's commands; these are yours."), answer);
    }

    @Test
    void someoneWithNoCommandsYetIsToldWhyTheListIsEmpty() {
        logged("U0OPS", "restart web", "ok", "r2", 2);

        assertEquals("You have not run any command yet. Only operators see everyone's commands.", history("U0ALICE", "history"));
    }

    @Test
    void anAuditLogThatCannotBeReadIsSaidPlainly() {
        audit.down("Connection to db.internal:5432 refused");

        String answer = history("U0OPS", "history");

        assertTrue(answer.startsWith("⚠️ history could not finish: the audit log could not be read: Connection to "
                + "db.internal:5432 refused (run "), answer);
    }

    /** The rendered text without the mrkdwn code marks, for readable expectations. */
    static String strip(String text) {
        return text.replace("`", "").replace("<@", "").replace(">", "").replace("_", "");
    }
}
