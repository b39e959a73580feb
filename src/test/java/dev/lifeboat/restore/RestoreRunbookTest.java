package dev.lifeboat.restore;

import static dev.lifeboat.restore.RestoreWorld.PROD;
import static dev.lifeboat.restore.RestoreWorld.STAGING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.http.Failure;
import dev.lifeboat.heroku.HerokuException;
import dev.lifeboat.pgbackups.PgBackupsException;
import dev.lifeboat.runbook.Decision;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEvent;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.StepState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The restore runbook through the real engine and an in-memory store, against the simulated Heroku. */
class RestoreRunbookTest {
    RestoreWorld world = RestoreWorld.builder().build();

    /** a012 is the demo world's newest nightly backup: started 02:00:01 UTC, seven hours before the clock's 09:00. */
    Run propose(RestorePlan.Target target, String app, int approvals) {
        Instant asOf = world.demoBackups.transfer(PROD, "12").startedAt();
        RestorePlan plan = new RestorePlan(target, app, PROD, new Source.HerokuBackup("a012"), Optional.of(asOf));
        return world.engine().propose(RestoreRunbook.NAME, plan.title(), plan.lockTarget(),
                RunParams.of(plan.toParams(approvals)), "U0ALICE");
    }

    Run restoreProduction() {
        Run run = propose(RestorePlan.Target.PRODUCTION, PROD, 1);
        assertInstanceOf(Decision.Done.class, world.engine().confirm(run.id(), "U0ALICE"));
        return world.reload(run);
    }

    String addon(String app) {
        return world.demoHeroku.resolveDatabase(app).id();
    }

    static List<String> states(Run run) {
        return run.steps().stream().map(s -> s.id() + "=" + s.state()).toList();
    }

    @Test
    void aProductionRestoreChangesThingsInTheRunbooksOrderAndEndsWithItsRtoAndRpo() {
        Run done = restoreProduction();

        assertEquals(RunState.SUCCEEDED, done.state(), done.outcome());
        assertEquals(List.of(
                "heroku.setMaintenance " + PROD + " on",
                "backups.capture " + addon(PROD),
                "backups.restore " + addon(PROD) + " from demo-backups.lifeboat-demo.invalid/" + addon(PROD)
                        + "/2026-11-27/" + world.demoBackups.transfer(PROD, "12").uuid(),
                "heroku.setMaintenance " + PROD + " off",
                "heroku.restartAllDynos " + PROD), world.changes());
        assertEquals(List.of("preflight=SUCCEEDED", "maintenance-on=SUCCEEDED", "safety-backup=SUCCEEDED",
                "restore=SUCCEEDED", "wait=SUCCEEDED", "validate=SKIPPED", "maintenance-off=SUCCEEDED",
                "restart=SUCCEEDED", "verify=SUCCEEDED"), states(done));
        assertEquals("Restored a012 into lifeboat-demo: data not validated (no LIFEBOAT_VALIDATION_SQL checks), "
                + "maintenance off, dynos restarted, and the app answers. RTO 24 s (confirmation to the app answering). "
                + "RPO 6 h 59 min (data written after 2026-11-27 02:00 UTC is not in the restored database). What "
                + "lifeboat-demo held before is in the safety backup b013.", done.outcome());
        assertFalse(world.demoHeroku.app(PROD).maintenance(), "maintenance is off again");
    }

    @Test
    void theWaitShowsTheRestoresProgressInBytesAndPercent() {
        restoreProduction();

        List<String> progress = world.events.stream()
                .filter(e -> e.kind() == RunEvent.Kind.STEP_PROGRESS && e.stepId().equals(Optional.of("wait")))
                .map(RunEvent::text).toList();
        assertTrue(progress.stream().anyMatch(p -> p.matches("restoring \\(r014\\): [\\d.]+ MB of 90\\.00 MB \\(\\d+%\\)")),
                progress.toString());
    }

    @Test
    void aFailedSafetyBackupMeansNoRestoreAndSaysMaintenanceIsOn() {
        world.demoBackups.failNextCapture("pg_dump: error: connection to server was lost");

        Run done = restoreProduction();

        assertEquals(RunState.FAILED, done.state());
        assertEquals(0, world.calls.count("backups.restore"), world.changes().toString());
        assertEquals(List.of("preflight=SUCCEEDED", "maintenance-on=SUCCEEDED", "safety-backup=FAILED",
                "restore=SKIPPED", "wait=SKIPPED", "validate=SKIPPED", "maintenance-off=SKIPPED", "restart=SKIPPED",
                "verify=SKIPPED"), states(done));
        assertTrue(done.step("safety-backup").orElseThrow().detail().contains("connection to server was lost"));
        assertEquals("The safety backup failed, so nothing was restored: lifeboat-demo's data is unchanged. "
                + "Maintenance mode is ON for lifeboat-demo: visitors see the maintenance page. Next: see why above, "
                + "then try again with `/dr restore a012`; or `/dr maintenance off` to bring the app back as it was.",
                done.outcome());
    }

    @Test
    void aFailedRestoreGivesHerokusLogLinesAndTheStateItLeaves() {
        world.demoBackups.failNextRestore("ERROR:  out of shared memory");

        Run done = restoreProduction();

        assertEquals(RunState.FAILED, done.state());
        StepRecord wait = done.step("wait").orElseThrow();
        assertEquals(StepState.FAILED, wait.state());
        assertTrue(wait.detail().startsWith("The restore r014 failed at Heroku: "), wait.detail());
        assertTrue(wait.detail().contains("ERROR: out of shared memory pg_restore exited with status 1"), wait.detail());
        assertTrue(world.demoHeroku.app(PROD).maintenance());
        assertEquals("The restore failed at Heroku, so lifeboat-demo's database may be partly restored. Maintenance "
                + "mode is ON for lifeboat-demo: visitors see the maintenance page. Next: try again with "
                + "`/dr restore a012`, restore an older backup (`/dr backups`), or put back what it held with "
                + "`/dr restore b013`; then `/dr maintenance off` once the data is right.", done.outcome());
        assertEquals(0, world.calls.count("heroku.restartAllDynos"));
    }

    @Test
    void cancelledDuringTheWaitItStopsThereCancelsHerokusRestoreAndSaysSo() {
        Run run = propose(RestorePlan.Target.PRODUCTION, PROD, 1);
        AtomicInteger waits = new AtomicInteger();
        world.onWait = w -> {
            Run now = w.reload(run);
            boolean waiting = now.current().map(s -> s.id().equals("wait")).orElse(false);
            if (waiting && now.cancelRequestedBy().isEmpty() && waits.incrementAndGet() == 2) {
                w.engine().cancel(run.id(), "U0BOB");
            }
        };

        world.engine().confirm(run.id(), "U0ALICE");

        Run done = world.reload(run);
        assertEquals(RunState.CANCELLED, done.state());
        assertEquals(StepState.CANCELLED, done.step("wait").orElseThrow().state());
        assertEquals("backups.cancel " + PROD + " " + world.demoBackups.transfer(PROD, "14").uuid(),
                world.changes().get(world.changes().size() - 1));
        assertEquals(0, world.calls.count("heroku.setMaintenance " + PROD + " off"));
        assertEquals(0, world.calls.count("heroku.restartAllDynos"));
        assertTrue(done.outcome().startsWith("Cancelled by U0BOB at: Wait for the restore of a012. The restore r014 was "
                + "cancelled at Heroku part-way: lifeboat-demo's database is incomplete. Maintenance mode is ON for "
                + "lifeboat-demo"), done.outcome());
        assertTrue(done.outcome().contains("`/dr restore b013`"), done.outcome());
    }

    @Test
    void aRestoreWhoseAnswerWasLostIsFoundAgainNotStartedTwice() {
        world.backups.loseNextAnswer("restore", new PgBackupsException(Failure.UNREACHABLE, 0, null,
                "Heroku Postgres could not be reached (connection reset)."));

        Run done = restoreProduction();

        assertEquals(RunState.SUCCEEDED, done.state(), done.outcome());
        assertEquals(1, world.calls.count("backups.restore"));
        assertEquals(2, world.demoBackups.transfers(PROD).size() - 12, "one safety backup and one restore");
    }

    @Test
    void aPassingUpstreamFailureIsRetriedWithinTheStep() {
        world.heroku.failNext("setMaintenance", new HerokuException(Failure.SERVER_ERROR, 503, null,
                "Heroku failed (503)."));

        Run done = restoreProduction();

        assertEquals(RunState.SUCCEEDED, done.state(), done.outcome());
        assertTrue(world.events.stream().anyMatch(e -> e.text().equals(
                "retrying in 1 s after: Failed turning maintenance on for lifeboat-demo: Heroku failed (503).")),
                world.events.toString());
    }

    @Test
    void aStagingRestoreSkipsMaintenanceRestartAndTheProbe() {
        Run run = propose(RestorePlan.Target.STAGING, STAGING, 1);
        world.engine().confirm(run.id(), "U0ALICE");

        Run done = world.reload(run);
        assertEquals(RunState.SUCCEEDED, done.state(), done.outcome());
        assertEquals(List.of("backups.capture " + addon(STAGING), "backups.restore " + addon(STAGING)
                + " from demo-backups.lifeboat-demo.invalid/" + addon(PROD) + "/2026-11-27/"
                + world.demoBackups.transfer(PROD, "12").uuid()), world.changes());
        assertEquals(List.of("preflight", "safety-backup", "restore", "wait", "validate"),
                done.steps().stream().map(StepRecord::id).toList());
        assertTrue(done.outcome().startsWith("Restored a012 into lifeboat-demo-staging (not validated: no "
                + "LIFEBOAT_VALIDATION_SQL checks). RTO 24 s (confirmation to restored). RPO 6 h 59 min"), done.outcome());
    }

    @Test
    void withTwoApprovalsNothingChangesUntilASecondOperatorApproves() {
        Run run = propose(RestorePlan.Target.PRODUCTION, PROD, 2);

        world.engine().confirm(run.id(), "U0ALICE");
        assertEquals(RunState.WAITING_FOR_APPROVAL, world.reload(run).state());
        assertInstanceOf(Decision.Refused.class, world.engine().approve(run.id(), "U0ALICE"));
        assertEquals(List.of(), world.changes());

        world.engine().approve(run.id(), "U0BOB");
        assertEquals(RunState.SUCCEEDED, world.reload(run).state());
    }

    @Test
    void theAppNotAnsweringAfterTheRestartFailsTheVerifyAndSaysWhatToDo() {
        for (int i = 0; i < 20; i++) {
            world.probes.add(RestoreWorld.down(RestoreWorld.HEALTH));
        }

        Run done = restoreProduction();

        assertEquals(RunState.FAILED, done.state());
        assertEquals("lifeboat-demo does not answer at https://lifeboat-demo.herokuapp.invalid/up: 503 in 40 ms — "
                + "Heroku router H10 (app crashed) (tried for 1 min).", done.step("verify").orElseThrow().detail());
        assertEquals("The data was restored. Maintenance mode is off for lifeboat-demo. Next: `/dr status` and "
                + "`/dr logs` show why the app does not answer.", done.outcome());
    }
}
