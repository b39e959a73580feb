package dev.lifeboat.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.demo.DemoHeroku;
import dev.lifeboat.heroku.DynoState;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.probe.ProbeResult;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import dev.lifeboat.testing.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The app steps against the simulated Heroku with a manual clock, each run twice as a resume after a crash would:
 * what the first run started is found and not started again.
 */
class AppStepsTest {
    static final String APP = "lifeboat-demo";
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T09:00:00Z"));
    final DemoHeroku heroku = new DemoHeroku(clock);
    final URI health = URI.create("https://lifeboat-demo.herokuapp.invalid/up");
    final AppParts parts = new AppParts(Optional.of(heroku), (url, timeout) -> new ProbeResult(url,
            ProbeResult.Outcome.UP, Optional.of(200), Duration.ofMillis(40), 0, url, ""), AppTimings.DEFAULT,
            Optional.of(health));
    /** Each step's records, as the store keeps them across a crash. */
    final Map<String, Map<String, String>> records = new HashMap<>();
    final List<String> progress = new ArrayList<>();

    StepOutcome run(Step step) throws InterruptedException {
        return step.run(new StepContext() {
            @Override
            public String runId() {
                return "r-test01";
            }

            @Override
            public RunParams params() {
                return RunParams.of(Map.of());
            }

            @Override
            public String requestedBy() {
                return "console:alice";
            }

            @Override
            public Optional<String> recorded(String key) {
                return recordedBy(step.id(), key);
            }

            @Override
            public Optional<String> recordedBy(String stepId, String key) {
                return Optional.ofNullable(records.getOrDefault(stepId, Map.of()).get(key));
            }

            @Override
            public void record(String key, String value) {
                records.computeIfAbsent(step.id(), k -> new HashMap<>()).put(key, value);
            }

            @Override
            public void progress(String detail) {
                progress.add(detail);
            }

            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public void sleep(Duration duration) {
                clock.advance(duration);
            }
        });
    }

    @Test
    void aRollbackRunTwiceRollsBackOnceAndWaitsForThatRelease() throws InterruptedException {
        Release v7 = heroku.release(APP, "v7");
        RollbackPlan plan = new RollbackPlan(APP, v7.id(), 7, 8);

        StepOutcome first = run(new StartRollback(parts, plan));
        StepOutcome again = run(new StartRollback(parts, plan));
        StepOutcome released = run(new AwaitRelease(parts, APP));

        assertEquals(StepOutcome.succeeded("v9 created: Rollback to v7"), first);
        assertEquals(StepOutcome.succeeded("v9 created"), again);
        assertEquals(StepOutcome.succeeded("v9 succeeded and runs"), released);
        assertEquals(9, heroku.releases(APP, 100).size(), "one new release");
    }

    @Test
    void aFailingReleasePhaseIsFollowedToItsEndAndItsOutputShown() throws InterruptedException {
        heroku.failNextRelease(List.of("rails aborted!", "PG::DuplicateTable: ERROR: relation exists",
                "key 0123456789abcdef0123456789abcdef"));
        RollbackPlan plan = new RollbackPlan(APP, heroku.release(APP, "v7").id(), 7, 8);
        run(new StartRollback(parts, plan));

        StepOutcome outcome = run(new AwaitRelease(parts, APP));

        assertEquals(StepOutcome.failed("v9 failed its release phase; the last 3 lines of its output:\n```\n"
                + "rails aborted!\nPG::DuplicateTable: ERROR: relation exists\nkey [RAILS_MASTER_KEY]\n```"), outcome);
        assertEquals(List.of("v9 pending: the release phase is running", "v9 pending: the release phase is running"),
                progress);
        assertEquals(8, heroku.currentRelease(APP).version(), "the old release keeps running");
    }

    @Test
    void aRestartOfOneTypeRunTwiceRestartsOnceAndWaitsUntilItsDynosAreUp() throws InterruptedException {
        DynoScope web = DynoScope.type("web");

        run(new RestartDynos(parts, APP, web));
        Instant restarted = clock.instant();
        StepOutcome again = run(new RestartDynos(parts, APP, web));
        StepOutcome up = run(new AwaitDynos(parts, APP, web));

        assertEquals(StepOutcome.succeeded("restarted at " + restarted), again);
        assertEquals(StepOutcome.succeeded("all 2 up: web.1, web.2"), up);
        assertEquals(List.of("waiting: web.1 starting, web.2 starting"), progress);
        assertEquals(DynoState.UP, heroku.dynos(APP).get(2).state(), "worker.1 was not restarted");
    }

    @Test
    void dynosThatStayCrashedAreNamedWithTheirState() throws InterruptedException {
        heroku.crashDynos("web");
        run(new RestartDynos(parts, APP));

        StepOutcome outcome = run(new AwaitDynos(parts, APP, DynoScope.all()));

        assertEquals(StepOutcome.failed("Not up after 5 min: web.1 crashed, web.2 crashed (up: worker.1)."), outcome);
        assertTrue(progress.contains("waiting: web.1 crashed, web.2 crashed, worker.1 up"), progress.toString());
    }
}
