package dev.lifeboat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.runbook.Decision;
import dev.lifeboat.runbook.RetryBackoff;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunEvent;
import dev.lifeboat.runbook.RunIds;
import dev.lifeboat.runbook.RunListener;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.StepState;
import dev.lifeboat.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine over the real store (H2): what {@code RunEngine} asks of {@code RunStore} holds, across two instances. */
class RunEngineOnJdbcStoreTest {
    static final String TARGET = "postgres:acme-prod";

    @TempDir
    Path dir;
    Database database;
    final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
    final ExecutorService runs = Executors.newFixedThreadPool(2);
    final AtomicInteger captures = new AtomicInteger();
    /** The restore step waits for this, so a test can hold a run in the middle. */
    final CountDownLatch restoreMayEnd = new CountDownLatch(1);
    final CountDownLatch finished = new CountDownLatch(1);

    @BeforeEach
    void open() {
        database = Database.open(H2AuditStoreTest.settings(dir.resolve("data")));
    }

    @AfterEach
    void close() throws InterruptedException {
        restoreMayEnd.countDown();
        runs.shutdownNow();
        assertTrue(runs.awaitTermination(10, TimeUnit.SECONDS));
        database.close();
    }

    /** One Lifeboat instance: its own store object and engine on the shared database. */
    RunEngine instance() {
        RunListener onFinish = (run, event) -> {
            if (event.kind() == RunEvent.Kind.FINISHED) {
                finished.countDown();
            }
        };
        return new RunEngine(new JdbcRunStore(database.dataSource(), clock), Set.of(new Restore()), Set.of(onFinish),
                clock, clock::advance, runs, new RunIds(), RetryBackoff.DEFAULT, new dev.lifeboat.runbook.Instance("test"));
    }

    @Test
    void aConfirmedRunRunsToTheEndAndReleasesItsTarget() throws Exception {
        RunEngine engine = instance();
        Run proposed = engine.propose("restore", "Restore b012", TARGET, RunParams.of(Map.of("backup", "b012")), "U0ALICE");

        assertInstanceOf(Decision.Done.class, engine.confirm(proposed.id(), "U0ALICE"));
        restoreMayEnd.countDown();
        assertTrue(finished.await(10, TimeUnit.SECONDS));

        Run done = engine.find(proposed.id()).orElseThrow();
        assertEquals(RunState.SUCCEEDED, done.state());
        assertEquals(List.of(StepState.SUCCEEDED, StepState.SUCCEEDED), done.steps().stream().map(StepRecord::state).toList());
        assertEquals(Map.of("transfer", "t-1"), done.step("capture").orElseThrow().records());
        assertEquals(List.of("U0ALICE"), done.approvedBy());
        assertEquals("restored b012 from t-1", done.outcome());
        assertTrue(done.finishedAt().isPresent());
        Run next = engine.propose("restore", "Restore b013", TARGET, RunParams.of(Map.of("backup", "b013")), "U0BOB");
        assertInstanceOf(Decision.Done.class, engine.confirm(next.id(), "U0BOB"));
    }

    @Test
    void twoInstancesConfirmingTheSameCardStartTheRunOnce() throws Exception {
        RunEngine first = instance();
        RunEngine second = instance();
        Run proposed = first.propose("restore", "Restore b012", TARGET, RunParams.of(Map.of("backup", "b012")), "U0ALICE");

        List<Decision> decisions = RunStoreFixture.race(2, t -> () -> (t == 0 ? first : second).confirm(proposed.id(), "U0ALICE"));
        restoreMayEnd.countDown();

        assertEquals(1, decisions.stream().filter(Decision.Done.class::isInstance).count(), decisions.toString());
        assertTrue(finished.await(10, TimeUnit.SECONDS));
        assertEquals(1, captures.get());
        assertEquals(List.of("U0ALICE"), first.find(proposed.id()).orElseThrow().approvedBy());
    }

    @Test
    void aSecondRunOnAHeldTargetIsRefusedNamingTheFirst() {
        RunEngine first = instance();
        RunEngine second = instance();
        Run running = first.propose("restore", "Restore b012", TARGET, RunParams.of(Map.of("backup", "b012")), "U0ALICE");
        first.confirm(running.id(), "U0ALICE");
        Run other = second.propose("restore", "Restore b013", TARGET, RunParams.of(Map.of("backup", "b013")), "U0BOB");

        Decision.Refused refused = assertInstanceOf(Decision.Refused.class, second.confirm(other.id(), "U0BOB"));

        assertTrue(refused.reason().startsWith("Run " + running.id() + " (Restore b012, running) is already working on "
                + TARGET), refused.reason());
        assertEquals(RunState.PROPOSED, second.find(other.id()).orElseThrow().state());
    }

    /** Captures (recording the transfer it started), then restores once the test lets it end. */
    final class Restore implements Runbook {
        @Override
        public String name() {
            return "restore";
        }

        @Override
        public List<Step> steps(RunParams params) {
            return List.of(step("capture", "Capture a backup", context -> {
                captures.incrementAndGet();
                context.record("transfer", "t-1");
                return StepOutcome.succeeded("captured");
            }), step("restore", "Restore it", context -> {
                if (!restoreMayEnd.await(10, TimeUnit.SECONDS)) {
                    return StepOutcome.failed("the test never let the restore end");
                }
                return StepOutcome.succeeded("restored " + context.params().require("backup"));
            }));
        }

        @Override
        public String afterFailure(Run run, StepRecord failed) {
            return "failed at " + failed.title();
        }

        @Override
        public String afterSuccess(Run run) {
            return "restored " + run.params().require("backup") + " from "
                    + run.step("capture").orElseThrow().records().get("transfer");
        }
    }

    interface Work {
        StepOutcome run(StepContext context) throws InterruptedException;
    }

    static Step step(String id, String title, Work work) {
        return new Step() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public Duration timeout() {
                return Duration.ofMinutes(5);
            }

            @Override
            public StepOutcome run(StepContext context) throws InterruptedException {
                return work.run(context);
            }
        };
    }
}
