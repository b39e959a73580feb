package dev.lifeboat.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEvent;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.StepState;
import dev.lifeboat.testing.MemoryAuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a run did goes to the audit log under the run's id: its start, each step's end, and its end; not progress. */
class AuditRunListenerTest {
    static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");

    final MemoryAuditLog audit = new MemoryAuditLog();
    final AuditRunListener listener = new AuditRunListener(audit, Clock.fixed(NOW, ZoneOffset.UTC));

    static Run run(RunState state, StepRecord step, String outcome) {
        return new Run("r-abc234", "restore", "Restore b012 into acme-prod (production)", "postgres:acme-prod",
                RunParams.of(Map.of("backup", "b012")), state, "U0ALICE", List.of("U0ALICE"), Optional.empty(), NOW,
                Optional.of(NOW), Optional.empty(), outcome, Map.of("slack.channel", "C0INCIDENT"), List.of(step));
    }

    @Test
    void startStepsAndEndAreRecordedButNotProgress() {
        StepRecord running = StepRecord.pending("restore", "Restore b012").started(NOW);
        StepRecord done = running.finished(StepState.SUCCEEDED, "restored 90.00 MB", NOW);

        listener.changed(run(RunState.RUNNING, running, ""), RunEvent.of(RunEvent.Kind.STARTED, "Started by U0ALICE."));
        listener.changed(run(RunState.RUNNING, running, ""), RunEvent.step(RunEvent.Kind.STEP_STARTED, "restore", "Restore b012"));
        listener.changed(run(RunState.RUNNING, running, ""), RunEvent.step(RunEvent.Kind.STEP_PROGRESS, "restore", "44%"));
        listener.changed(run(RunState.RUNNING, done, ""), RunEvent.step(RunEvent.Kind.STEP_FINISHED, "restore", "restored 90.00 MB"));
        listener.changed(run(RunState.SUCCEEDED, done, "Done in 4 min; RTO 4 min, RPO 6 h."),
                RunEvent.of(RunEvent.Kind.FINISHED, "Done in 4 min; RTO 4 min, RPO 6 h."));

        List<AuditEntry> entries = audit.entries();
        assertEquals(List.of("started", "succeeded", "succeeded"), entries.stream().map(AuditEntry::outcome).toList());
        assertEquals(List.of("restore: Restore b012 into acme-prod (production)", "restore step: Restore b012",
                "restore: Restore b012 into acme-prod (production)"), entries.stream().map(AuditEntry::commandText).toList());
        assertTrue(entries.stream().allMatch(e -> e.runId().equals("r-abc234") && e.actorId().equals("U0ALICE")
                && e.channel().equals(Optional.of("C0INCIDENT"))));
        assertEquals(Optional.of("Done in 4 min; RTO 4 min, RPO 6 h."), entries.get(2).detail());
    }

    @Test
    void aFailedStepIsRecordedWithItsReason() {
        StepRecord failed = StepRecord.pending("safety", "Safety backup").started(NOW)
                .finished(StepState.FAILED, "Heroku Postgres refused the capture (422)", NOW);

        listener.changed(run(RunState.RUNNING, failed, ""), RunEvent.step(RunEvent.Kind.STEP_FAILED, "safety",
                "Safety backup failed: Heroku Postgres refused the capture (422)"));

        AuditEntry entry = audit.entries().get(0);
        assertEquals("failed", entry.outcome());
        assertEquals(Optional.of("Safety backup failed: Heroku Postgres refused the capture (422)"), entry.detail());
    }
}
