package dev.lifeboat.restore;

import static dev.lifeboat.restore.RestoreWorld.PROD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.app.MaintenanceStep;
import dev.lifeboat.app.RestartDynos;
import dev.lifeboat.app.VerifyApp;
import dev.lifeboat.demo.DemoS3;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepOutcome;
import dev.lifeboat.testing.FakeStepContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Each restore step against the simulated Heroku with a manual clock, run twice: the second run finds what the first
 * started and starts nothing again.
 */
class RestoreStepsTest {
    final AtomicInteger checksRun = new AtomicInteger();
    final DatabaseChecks passing = (url, statements, timeout) -> {
        checksRun.incrementAndGet();
        return statements.stream().map(s -> new DatabaseChecks.Result(s, true, "returned true")).toList();
    };
    final RestoreWorld world = RestoreWorld.builder().validationSql("SELECT count(*) > 0 FROM users; SELECT 1")
            .checks(passing).build();
    final RestoreParts parts = world.parts();
    final RestorePlan plan = new RestorePlan(RestorePlan.Target.PRODUCTION, PROD, PROD,
            new Source.HerokuBackup("a012"), Optional.empty());
    final FakeStepContext context = new FakeStepContext(world.clock, RunParams.of(plan.toParams(1)));

    StepOutcome run(Step step) throws InterruptedException {
        return step.run(context.as(step.id()));
    }

    /** Preflight has run: later steps read the database it found. */
    void preflight() throws InterruptedException {
        assertInstanceOf(StepOutcome.Succeeded.class, run(new Preflight(parts, plan, List.of(plan.source()))));
    }

    @Test
    void preflightOnlyReadsAndFindsTheSameThingsTwice() throws InterruptedException {
        Preflight step = new Preflight(parts, plan, List.of(plan.source()));

        StepOutcome first = run(step);
        StepOutcome second = run(step);

        assertEquals(first, second);
        assertEquals(new StepOutcome.Succeeded("a012 succeeded (90.00 MB); lifeboat-demo's database "
                + world.demoHeroku.resolveDatabase(PROD).name() + "; Heroku reports no incident"), first);
        assertEquals(world.demoHeroku.resolveDatabase(PROD).id(), context.as("preflight").mine().get("addon-id"));
        assertEquals(List.of(), world.changes());
    }

    @Test
    void preflightRefusesABackupThatFailed() throws InterruptedException {
        world.demoBackups.failNextCapture("pg_dump: error: connection to server was lost");
        world.demoBackups.capture(world.demoHeroku.resolveDatabase(PROD).id());
        world.clock.advance(Duration.ofMinutes(1));
        RestorePlan failed = new RestorePlan(RestorePlan.Target.PRODUCTION, PROD, PROD,
                new Source.HerokuBackup("b013"), Optional.empty());

        StepOutcome outcome = run(new Preflight(parts, failed, List.of(failed.source())));

        assertEquals(StepOutcome.failed("b013 cannot be restored: it did not succeed (Failed). Nothing was changed."),
                outcome);
    }

    @Test
    void maintenanceOnTwiceTurnsItOnOnce() throws InterruptedException {
        MaintenanceStep step = new MaintenanceStep(parts.app(), PROD, true);

        assertEquals(StepOutcome.succeeded("on: visitors see Heroku's maintenance page"), run(step));
        assertEquals(StepOutcome.succeeded("already on"), run(step));
        assertEquals(List.of("heroku.setMaintenance lifeboat-demo on"), world.changes());
        assertTrue(world.demoHeroku.app(PROD).maintenance());
    }

    @Test
    void maintenanceOffTwiceTurnsItOffOnce() throws InterruptedException {
        world.demoHeroku.setMaintenance(PROD, true);
        MaintenanceStep step = new MaintenanceStep(parts.app(), PROD, false);

        run(step);
        assertEquals(StepOutcome.succeeded("already off"), run(step));
        assertEquals(List.of("heroku.setMaintenance lifeboat-demo off"), world.changes());
    }

    @Test
    void theSafetyBackupTwiceCapturesOnceAndFollowsItWithProgress() throws InterruptedException {
        preflight();
        SafetyBackup step = new SafetyBackup(parts, PROD);

        StepOutcome first = run(step);
        StepOutcome second = run(step);

        assertTrue(first.toString().startsWith("Succeeded[detail=b013, "), first.toString());
        assertEquals(first, second);
        assertEquals(1, world.calls.count("backups.capture"));
        assertTrue(context.progress.contains("backing up: waiting for Heroku to start b013"), context.progress.toString());
        assertTrue(context.progress.stream().anyMatch(p -> p.matches("backing up \\(b013\\): [\\d.]+ MB written")),
                context.progress.toString());
    }

    @Test
    void aSafetyBackupWhoseAnswerWasLostIsFollowedNotCapturedAgain() throws InterruptedException {
        preflight();
        world.backups.loseNextAnswer("capture", new dev.lifeboat.pgbackups.PgBackupsException(
                dev.lifeboat.http.Failure.TIMEOUT, 0, null, "Heroku Postgres did not answer within 30 s."));
        SafetyBackup step = new SafetyBackup(parts, PROD);

        StepOutcome first = run(step);
        StepOutcome second = run(step);

        assertEquals(StepOutcome.retryable("Failed taking a safety backup of lifeboat-demo: Heroku Postgres did not "
                + "answer within 30 s."), first);
        assertInstanceOf(StepOutcome.Succeeded.class, second);
        assertEquals(1, world.calls.count("backups.capture"));
    }

    @Test
    void startingTheRestoreTwicePostsOnce() throws InterruptedException {
        preflight();
        StartRestore step = new StartRestore(parts, plan, plan.source(), "restore");

        assertEquals(StepOutcome.succeeded("r013 started at Heroku"), run(step));
        assertEquals(StepOutcome.succeeded("r013 started at Heroku (Pending)"), run(step));
        assertEquals(1, world.calls.count("backups.restore"));
    }

    @Test
    void anOffsiteCopyIsHandedToHerokuAsAPresignedUrlValidForADay() throws InterruptedException {
        preflight();
        Source copy = new Source.Offsite(DemoS3.SEED_PREFIX + "a012.dump");

        run(new StartRestore(parts, plan, copy, "restore"));

        assertEquals(List.of("backups.restore " + world.demoHeroku.resolveDatabase(PROD).id()
                + " from demo-offsite.lifeboat.invalid/lifeboat-demo-backups/pg-backups/lifeboat-demo/a012.dump"),
                world.changes());
        assertTrue(world.backups.lastRestoreUrl().getQuery().contains("X-Amz-Expires=86400"),
                "valid 24 h, at least the 12 h a long restore may need");
    }

    @Test
    void aSignedUrlThisProcessDoesNotHoldIsNotGuessed() throws InterruptedException {
        preflight();
        Source lost = new Source.Url("https://dumps.example.com/x.dump?…", Optional.empty());

        assertEquals(StepOutcome.failed(SignedUrls.LOST), run(new StartRestore(parts, plan, lost, "restore")));
        assertEquals(List.of(), world.changes());
    }

    @Test
    void waitingTwiceFollowsTheRecordedRestoreAndStartsNothing() throws InterruptedException {
        preflight();
        run(new StartRestore(parts, plan, plan.source(), "restore"));
        AwaitRestore step = new AwaitRestore(parts, PROD, "restore", "wait", "a012");

        StepOutcome first = run(step);
        int sleeps = context.sleeps.size();
        StepOutcome second = run(step);

        assertEquals(StepOutcome.succeeded("r013 restored 90.00 MB in 12 s"), first);
        assertEquals(first, second);
        assertEquals(sleeps, context.sleeps.size(), "the second run found it finished without waiting");
        assertEquals(1, world.calls.count("backups.restore"));
        assertTrue(context.progress.stream().anyMatch(p -> p.matches("restoring \\(r013\\): [\\d.]+ MB of 90\\.00 MB \\(\\d+%\\)")),
                context.progress.toString());
    }

    @Test
    void cancelledWhileWaitingItCancelsTheRestoreAtHerokuOnce() throws InterruptedException {
        preflight();
        run(new StartRestore(parts, plan, plan.source(), "restore"));
        AwaitRestore step = new AwaitRestore(parts, PROD, "restore", "wait", "a012");
        context.onSleep(c -> {
            if (c.sleeps.size() == 2) {
                c.cancel("U0BOB");
            }
        });

        try {
            run(step);
        } catch (dev.lifeboat.runbook.RunCancelledException expected) {
            // the engine turns this into a cancelled step
        }

        assertEquals("cancelled", context.as("wait").mine().get("heroku-cancel"));
        assertEquals(1, world.calls.count("backups.cancel"));
        world.clock.advance(Duration.ofMinutes(1));
        assertEquals(dev.lifeboat.pgbackups.TransferStatus.CANCELED, world.demoBackups.transfer(PROD, "13").status());
    }

    @Test
    void validationTwiceOnlyReadsAndPassesTwice() throws InterruptedException {
        world.heroku.configVars(PROD, Map.of("DATABASE_URL", "postgres://u:p@db.example.invalid:5432/app"));
        ValidateData step = new ValidateData(parts, PROD, "validate");

        assertEquals(StepOutcome.succeeded("2 checks passed"), run(step));
        assertEquals(StepOutcome.succeeded("2 checks passed"), run(step));
        assertEquals(2, checksRun.get());
        assertEquals(List.of(), world.changes());
    }

    @Test
    void validationIsSkippedWithoutChecks() throws InterruptedException {
        RestoreWorld plain = RestoreWorld.builder().build();
        StepOutcome outcome = new ValidateData(plain.parts(), PROD, "validate").run(context.as("validate"));

        assertEquals(StepOutcome.skipped("no checks configured (set LIFEBOAT_VALIDATION_SQL)"), outcome);
    }

    @Test
    void restartingTwiceRestartsOnce() throws InterruptedException {
        RestartDynos step = new RestartDynos(parts.app(), PROD);

        assertEquals(StepOutcome.succeeded("every dyno restarting"), run(step));
        assertEquals(StepOutcome.succeeded("restarted at " + world.clock.instant()), run(step));
        assertEquals(List.of("heroku.restartAllDynos lifeboat-demo"), world.changes());
    }

    @Test
    void verifyingTwiceOnlyProbesAndWaitsForTheAppToAnswer() throws InterruptedException {
        world.probes.add(RestoreWorld.down(RestoreWorld.HEALTH));
        world.probes.add(RestoreWorld.down(RestoreWorld.HEALTH));
        VerifyApp step = new VerifyApp(parts.app(), PROD);
        Instant start = world.clock.instant();

        StepOutcome first = run(step);
        StepOutcome second = run(step);

        assertEquals(StepOutcome.succeeded("https://lifeboat-demo.herokuapp.invalid/up answers: 200 in 40 ms"), first);
        assertEquals(first, second);
        assertEquals(Duration.ofSeconds(10), Duration.between(start, world.clock.instant()), "two probes 5 s apart");
        assertEquals(List.of("not answering yet: 503 in 40 ms — Heroku router H10 (app crashed)",
                "not answering yet: 503 in 40 ms — Heroku router H10 (app crashed)"), context.progress);
        assertEquals(List.of(), world.changes());
    }

    @Test
    void aSignedUrlIsNeverKeptWithTheRun() {
        URI signed = URI.create("https://dumps.example.com/x.dump?X-Amz-Signature=abc123");
        Source.Url source = Source.Url.of(signed);
        RestorePlan withUrl = new RestorePlan(RestorePlan.Target.STAGING, "s", PROD, source, Optional.empty());

        Map<String, String> params = withUrl.toParams(1);

        assertTrue(params.values().stream().noneMatch(v -> v.contains("abc123")), params.toString());
        assertEquals("https://dumps.example.com/x.dump?…", params.get("source"));
        assertEquals(Optional.empty(), RestorePlan.from(RunParams.of(params)).source() instanceof Source.Url u
                ? u.kept() : Optional.of("not a url"));
    }

    @Test
    void anUnreachableDatabaseIsRetriedAndItsUrlNeverShown() throws InterruptedException {
        DatabaseChecks failing = (url, statements, timeout) -> {
            throw new DatabaseChecks.Unreachable("could not connect to the database (SQLState 08001)");
        };
        RestoreWorld unreachable = RestoreWorld.builder().validationSql("SELECT 1").checks(failing).build();
        unreachable.heroku.configVars(PROD, Map.of("DATABASE_URL", "postgres://u:s3cret@db.example.invalid:5432/app"));

        StepOutcome outcome = new ValidateData(unreachable.parts(), PROD, "validate").run(context.as("validate"));

        assertEquals(StepOutcome.retryable("Validation could not connect to the database (SQLState 08001)."), outcome);
        assertFalse(outcome.toString().contains("s3cret"));
    }
}
