package dev.lifeboat.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.runbook.RunEvent.Kind;
import dev.lifeboat.testing.InMemoryRunStore;
import dev.lifeboat.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine with a fake clock and an in-memory store: runs on the calling thread unless a test says otherwise. */
class RunEngineTest {
    static final String ALICE = "U0ALICE";
    static final String BOB = "U0BOB";
    static final String TARGET = "postgres:acme-prod";

    final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T03:00:00Z"));
    final InMemoryRunStore store = new InMemoryRunStore();
    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final Waiter waiter = d -> {
        waits.add(d);
        clock.advance(d);
    };
    final RunListener recorder = (run, event) -> events.add(event.kind() + event.stepId().map(s -> ":" + s).orElse(""));
    ExecutorService pool;

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    RunEngine engine(ScriptedRunbook runbook) {
        return engine(runbook, new Inline());
    }

    RunEngine engine(ScriptedRunbook runbook, ExecutorService executor) {
        return engine(runbook, executor, "test");
    }

    RunEngine engine(ScriptedRunbook runbook, ExecutorService executor, String instance) {
        return new RunEngine(store, Set.of(runbook), Set.of(recorder), clock, waiter, executor, new RunIds(),
                new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(30), 5), new Instance(instance));
    }

    Run propose(RunEngine engine) {
        return propose(engine, Map.of());
    }

    Run propose(RunEngine engine, Map<String, String> params) {
        return engine.propose("scripted", "Restore b012 into acme-prod", TARGET, RunParams.of(params), ALICE);
    }

    Run run(String id) {
        return store.find(id).orElseThrow();
    }

    List<StepState> states(String id) {
        return run(id).steps().stream().map(StepRecord::state).toList();
    }

    @Test
    void aProposalChangesNothingAndListsItsStepsPending() {
        ScriptedRunbook runbook = new ScriptedRunbook("a", "b");

        Run run = propose(engine(runbook));

        assertEquals(RunState.PROPOSED, run(run.id()).state());
        assertEquals(List.of(StepState.PENDING, StepState.PENDING), states(run.id()));
        assertEquals(List.of("Step a", "Step b"), run(run.id()).steps().stream().map(StepRecord::title).toList());
        assertEquals(List.of(), runbook.calls);
        assertEquals(Optional.empty(), store.holder(TARGET), "a proposal holds nothing");
        assertTrue(RunIds.looksLikeRunId(run.id()), run.id());
    }

    @Test
    void aConfirmedRunDoesEveryStepInOrderPersistingEachAndReleasesItsTarget() {
        ScriptedRunbook runbook = new ScriptedRunbook("a", "b", "c");
        RunEngine engine = engine(runbook);
        Run run = propose(engine);

        Decision decision = engine.confirm(run.id(), ALICE);

        assertInstanceOf(Decision.Done.class, decision);
        assertEquals(List.of("a", "b", "c"), runbook.calls);
        Run done = run(run.id());
        assertEquals(RunState.SUCCEEDED, done.state());
        assertEquals(List.of(StepState.SUCCEEDED, StepState.SUCCEEDED, StepState.SUCCEEDED), states(run.id()));
        assertEquals("b done", done.step("b").orElseThrow().detail());
        assertEquals(1, done.step("b").orElseThrow().attempts());
        assertEquals("Done: 3 steps.", done.outcome());
        assertEquals(List.of(ALICE), done.approvedBy());
        assertTrue(done.startedAt().isPresent() && done.finishedAt().isPresent());
        assertEquals(List.of("STARTED", "STEP_STARTED:a", "STEP_FINISHED:a", "STEP_STARTED:b", "STEP_FINISHED:b",
                "STEP_STARTED:c", "STEP_FINISHED:c", "FINISHED"), events);
        assertEquals(Optional.empty(), store.holder(TARGET));
    }

    @Test
    void concurrentConfirmationsStartExactlyOneRun() throws Exception {
        ScriptedRunbook runbook = new ScriptedRunbook("restore");
        pool = Executors.newCachedThreadPool();
        RunEngine engine = engine(runbook, pool);
        Run run = propose(engine);
        CountDownLatch go = new CountDownLatch(1);
        List<Decision> decisions = Collections.synchronizedList(new ArrayList<>());
        List<Thread> clickers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                decisions.add(engine.confirm(run.id(), ALICE));
            });
            t.start();
            clickers.add(t);
        }
        go.countDown();
        for (Thread t : clickers) {
            t.join(10_000);
        }
        awaitFinished(run.id());

        assertEquals(1, decisions.stream().filter(Decision.Done.class::isInstance).count(), decisions.toString());
        assertEquals(7, decisions.stream().filter(Decision.Refused.class::isInstance).count());
        assertEquals(1, runbook.callsOf("restore"), "one restore, however many clicks");
    }

    @Test
    void aSecondRunOnTheSameTargetIsRefusedNamingTheFirst() {
        ScriptedRunbook runbook = new ScriptedRunbook("wait");
        AtomicReference<Decision> second = new AtomicReference<>();
        RunEngine[] engine = new RunEngine[1];
        Run[] other = new Run[1];
        runbook.script("wait", (context, call) -> {
            if (call == 1) {
                second.set(engine[0].confirm(other[0].id(), BOB));
            }
            return StepOutcome.succeeded("ok");
        });
        engine[0] = engine(runbook);
        Run first = propose(engine[0]);
        other[0] = propose(engine[0]);

        engine[0].confirm(first.id(), ALICE);

        Decision.Refused refused = assertInstanceOf(Decision.Refused.class, second.get());
        assertTrue(refused.reason().startsWith("Run " + first.id() + " (Restore b012 into acme-prod, running) is already working on "
                + TARGET + "; one run at a time. `/dr cancel " + first.id() + "` stops it."), refused.reason());
        assertEquals(RunState.PROPOSED, run(other[0].id()).state(), "the refused one is untouched and can be confirmed later");
        assertInstanceOf(Decision.Done.class, engine[0].confirm(other[0].id(), BOB), "the target is free once the first ended");
    }

    @Test
    void aProposalLeftHoldingTheTargetByACrashExpiresAndFreesIt() {
        ScriptedRunbook runbook = new ScriptedRunbook("a");
        RunEngine engine = engine(runbook);
        Run stuck = propose(engine);
        store.lock(TARGET, stuck.id()); // the process died between locking and starting
        Run fresh = propose(engine);

        assertInstanceOf(Decision.Refused.class, engine.confirm(fresh.id(), BOB), "within 30 minutes it may still start");
        clock.advance(Duration.ofMinutes(31));
        Run later = propose(engine);

        assertInstanceOf(Decision.Done.class, engine.confirm(later.id(), BOB));
        assertEquals(RunState.EXPIRED, run(stuck.id()).state());
    }

    @Test
    void aRetryableFailureIsTriedAgainWithBackoffWithinTheStepsTimeout() {
        ScriptedRunbook runbook = new ScriptedRunbook("capture").script("capture", (context, call) ->
                call < 3 ? StepOutcome.retryable("Heroku answered 503") : StepOutcome.succeeded("b014"));
        RunEngine engine = engine(runbook);
        Run run = propose(engine);

        engine.confirm(run.id(), ALICE);

        assertEquals(RunState.SUCCEEDED, run(run.id()).state());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), waits);
        assertEquals("b014", run(run.id()).step("capture").orElseThrow().detail());
        assertTrue(events.contains("STEP_PROGRESS:capture"), "the retry is shown: " + events);
    }

    @Test
    void aRetryableFailureThatOutlastsTheTimeoutFailsTheRunAndSkipsTheRest() {
        ScriptedRunbook runbook = new ScriptedRunbook("capture", "restore")
                .script("capture", (context, call) -> StepOutcome.retryable("Heroku answered 503"))
                .timeout("capture", Duration.ofSeconds(10));
        RunEngine engine = engine(runbook);
        Run run = propose(engine);

        engine.confirm(run.id(), ALICE);

        Run failed = run(run.id());
        assertEquals(RunState.FAILED, failed.state());
        assertEquals("Heroku answered 503 (after 3 tries)", failed.step("capture").orElseThrow().detail());
        assertEquals(StepState.SKIPPED, failed.step("restore").orElseThrow().state());
        assertEquals("not run: an earlier step failed", failed.step("restore").orElseThrow().detail());
        assertEquals(0, runbook.callsOf("restore"));
        assertEquals("Stopped at Step capture; state: as before.", failed.outcome());
        assertTrue(events.contains("STEP_FAILED:capture"));
        assertEquals(Optional.empty(), store.holder(TARGET));
    }

    @Test
    void aFailureThatIsNotRetryableStopsAtOnce() {
        ScriptedRunbook runbook = new ScriptedRunbook("preflight", "restore")
                .script("preflight", (context, call) -> StepOutcome.failed("backup b099 does not exist"));
        RunEngine engine = engine(runbook);
        Run run = propose(engine);

        engine.confirm(run.id(), ALICE);

        assertEquals(1, runbook.callsOf("preflight"));
        assertEquals(List.of(), waits);
        assertEquals(List.of(StepState.FAILED, StepState.SKIPPED), states(run.id()));
        assertEquals("backup b099 does not exist", run(run.id()).step("preflight").orElseThrow().detail());
    }

    @Test
    void aStepThatThrowsFailsWithItsMessage() {
        ScriptedRunbook runbook = new ScriptedRunbook("a").script("a", (context, call) -> {
            throw new IllegalStateException("the add-on vanished");
        });
        RunEngine engine = engine(runbook);
        Run run = propose(engine);

        engine.confirm(run.id(), ALICE);

        assertEquals(RunState.FAILED, run(run.id()).state());
        assertEquals("the add-on vanished", run(run.id()).step("a").orElseThrow().detail());
    }

    @Test
    void aWaitPastTheStepsTimeoutFailsTheStep() {
        ScriptedRunbook runbook = new ScriptedRunbook("restore").timeout("restore", Duration.ofMinutes(1))
                .script("restore", (context, call) -> {
                    for (int i = 0; i < 100; i++) {
                        context.sleep(Duration.ofSeconds(5));
                    }
                    return StepOutcome.succeeded("never");
                });
        RunEngine engine = engine(runbook);
        Run run = propose(engine);

        engine.confirm(run.id(), ALICE);

        assertEquals(RunState.FAILED, run(run.id()).state());
        assertEquals("did not finish within 1 min", run(run.id()).step("restore").orElseThrow().detail());
    }

    @Test
    void aCancelDuringAWaitStopsThereSaysWhereAndRunsNothingMore() {
        RunEngine[] engine = new RunEngine[1];
        ScriptedRunbook runbook = new ScriptedRunbook("maintenance", "restore", "verify")
                .script("restore", (context, call) -> {
                    context.record("transfer", "r007");
                    engine[0].cancel(context.runId(), BOB);
                    context.sleep(Duration.ofSeconds(5));
                    return StepOutcome.succeeded("never");
                });
        engine[0] = engine(runbook);
        Run run = propose(engine[0]);

        engine[0].confirm(run.id(), ALICE);

        Run cancelled = run(run.id());
        assertEquals(RunState.CANCELLED, cancelled.state());
        assertEquals(List.of(StepState.SUCCEEDED, StepState.CANCELLED, StepState.SKIPPED), states(run.id()));
        assertEquals("Cancelled by " + BOB + " at: Step restore. Stopped at Step restore; state: as before.", cancelled.outcome());
        assertEquals(0, runbook.callsOf("verify"));
        assertTrue(events.contains("CANCEL_REQUESTED"), events.toString());
        assertEquals(Optional.empty(), store.holder(TARGET));
    }

    @Test
    void aCancelBeforeTheStartEndsItWithNothingChanged() {
        ScriptedRunbook runbook = new ScriptedRunbook("a");
        RunEngine engine = engine(runbook);
        Run run = propose(engine);

        Decision decision = engine.cancel(run.id(), ALICE);

        assertInstanceOf(Decision.Done.class, decision);
        assertEquals(RunState.CANCELLED, run(run.id()).state());
        assertEquals("Cancelled by " + ALICE + " before anything was changed.", run(run.id()).outcome());
        assertInstanceOf(Decision.Refused.class, engine.confirm(run.id(), ALICE));
        assertEquals(List.of(), runbook.calls);
    }

    @Test
    void aFinishedRunCannotBeCancelled() {
        RunEngine engine = engine(new ScriptedRunbook("a"));
        Run run = propose(engine);
        engine.confirm(run.id(), ALICE);

        Decision.Refused refused = assertInstanceOf(Decision.Refused.class, engine.cancel(run.id(), ALICE));

        assertEquals("Run " + run.id() + " has already ended (succeeded).", refused.reason());
    }

    @Test
    void withTwoApprovalsTheRunWaitsForASecondOperatorAndTheRequesterCannotApprove() {
        ScriptedRunbook runbook = new ScriptedRunbook("restore");
        RunEngine engine = engine(runbook);
        Run run = propose(engine, Map.of(RunEngine.APPROVALS, "2"));

        engine.confirm(run.id(), ALICE);

        assertEquals(RunState.WAITING_FOR_APPROVAL, run(run.id()).state());
        assertEquals(List.of(), runbook.calls, "nothing runs before the approval");
        assertEquals(Optional.of(run.id()), store.holder(TARGET), "the target is held while it waits");
        Decision.Refused self = assertInstanceOf(Decision.Refused.class, engine.approve(run.id(), ALICE));
        assertEquals("You asked for this run; another operator must approve it.", self.reason());

        assertInstanceOf(Decision.Done.class, engine.approve(run.id(), BOB));

        assertEquals(RunState.SUCCEEDED, run(run.id()).state());
        assertEquals(List.of(ALICE, BOB), run(run.id()).approvedBy());
        assertEquals(1, runbook.callsOf("restore"));
        assertTrue(events.containsAll(List.of("WAITING_FOR_APPROVAL", "APPROVED")), events.toString());
        assertInstanceOf(Decision.Refused.class, engine.approve(run.id(), "U0CAROL"), "approving a finished run");
    }

    @Test
    void aConfirmationExpiresAfterThirtyMinutes() {
        ScriptedRunbook runbook = new ScriptedRunbook("a");
        RunEngine engine = engine(runbook);
        Run run = propose(engine);
        clock.advance(Duration.ofMinutes(31));

        Decision.Refused refused = assertInstanceOf(Decision.Refused.class, engine.confirm(run.id(), ALICE));

        assertEquals("This confirmation expired after 30 minutes; nothing was changed. Ask again for a fresh one.", refused.reason());
        assertEquals(RunState.EXPIRED, run(run.id()).state());
        assertEquals(List.of(), runbook.calls);
    }

    @Test
    void aConfirmationWithinThirtyMinutesIsValid() {
        RunEngine engine = engine(new ScriptedRunbook("a"));
        Run run = propose(engine);
        clock.advance(Duration.ofMinutes(29));

        assertInstanceOf(Decision.Done.class, engine.confirm(run.id(), ALICE));
    }

    @Test
    void anApprovalAfterThirtyMinutesExpiresTheRunAndFreesTheTarget() {
        ScriptedRunbook runbook = new ScriptedRunbook("restore");
        RunEngine engine = engine(runbook);
        Run run = propose(engine, Map.of(RunEngine.APPROVALS, "2"));
        engine.confirm(run.id(), ALICE);
        clock.advance(Duration.ofMinutes(31));

        assertInstanceOf(Decision.Refused.class, engine.approve(run.id(), BOB));

        assertEquals(RunState.EXPIRED, run(run.id()).state());
        assertEquals(Optional.empty(), store.holder(TARGET));
        assertEquals(List.of(), runbook.calls);
    }

    @Test
    void aRunResumedAfterACrashGoesOnFromItsLastStepAndNeverStartsWhatItRecordedAgain() {
        List<String> posted = new ArrayList<>();
        ScriptedRunbook runbook = new ScriptedRunbook("safety", "restore", "verify")
                .script("restore", (context, call) -> {
                    if (context.recorded("transfer").isEmpty()) {
                        posted.add("POST restore");
                        context.record("transfer", "r007");
                    }
                    if (call == 1) {
                        throw new Crash();
                    }
                    return StepOutcome.succeeded("restored by " + context.recorded("transfer").orElseThrow());
                });
        RunEngine first = engine(runbook);
        Run run = propose(first);
        try {
            first.confirm(run.id(), ALICE);
        } catch (Crash crash) {
            // the process died here: the store holds the run RUNNING, the restore step RUNNING with its record
        }
        assertEquals(RunState.RUNNING, run(run.id()).state());
        events.clear();

        List<Run> resumed = engine(runbook).resumeUnfinished();

        assertEquals(List.of(run.id()), resumed.stream().map(Run::id).toList());
        assertEquals(RunState.SUCCEEDED, run(run.id()).state());
        assertEquals(List.of("POST restore"), posted, "the restore was started once");
        assertEquals(1, runbook.callsOf("safety"), "a finished step is not run again");
        assertEquals("restored by r007", run(run.id()).step("restore").orElseThrow().detail());
        assertEquals(2, run(run.id()).step("restore").orElseThrow().attempts());
        assertEquals("RESUMED", events.get(0));
    }

    @Test
    void anotherInstanceTakesARunOverOnlyAfterItsLeaseRanOutAndTheFormerHolderThenStops() throws Exception {
        List<String> posted = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstWaiting = new CountDownLatch(1);
        CountDownLatch secondWaiting = new CountDownLatch(1);
        CountDownLatch transferDone = new CountDownLatch(1);
        AtomicReference<String> firstEnded = new AtomicReference<>("still waiting");
        ScriptedRunbook runbook = new ScriptedRunbook("restore", "verify").script("restore", (context, call) -> {
            if (context.recorded("transfer").isEmpty()) {
                posted.add("POST restore");
                context.record("transfer", "r007");
            }
            if (call == 1) {
                firstWaiting.countDown();
                try {
                    new CountDownLatch(1).await(); // web.1 hangs on its wait: only an interrupt ends it
                } catch (InterruptedException e) {
                    firstEnded.set("interrupted");
                    throw e;
                }
            }
            secondWaiting.countDown();
            transferDone.await();
            return StepOutcome.succeeded("restored by " + context.recorded("transfer").orElseThrow());
        });
        pool = Executors.newCachedThreadPool();
        RunEngine web1 = engine(runbook, pool, "web.1");
        RunEngine web2 = engine(runbook, pool, "web.2");
        Run run = propose(web1);
        web1.confirm(run.id(), ALICE);
        assertTrue(firstWaiting.await(10, TimeUnit.SECONDS));
        events.clear();

        assertEquals(List.of(), web2.keepLeases(), "web.1 holds the lease");
        clock.advance(Duration.ofSeconds(60));
        assertEquals(List.of(), web1.keepLeases(), "web.1 renews");
        clock.advance(Duration.ofSeconds(60));
        assertEquals(List.of(), web2.keepLeases(), "renewed 60 s ago: still web.1's");
        assertEquals(List.of(), events, "nobody said anything about a takeover");

        clock.advance(RunEngine.LEASE);
        assertEquals(List.of(run.id()), web2.keepLeases().stream().map(Run::id).toList(), "web.1 stopped renewing");
        assertTrue(secondWaiting.await(10, TimeUnit.SECONDS));
        assertEquals("RESUMED", events.get(0));
        assertEquals("still waiting", firstEnded.get());

        assertEquals(List.of(), web1.keepLeases(), "web.1 finds its lease taken");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!"interrupted".equals(firstEnded.get()) && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals("interrupted", firstEnded.get(), "web.1 stopped executing the run");
        assertEquals(RunState.RUNNING, run(run.id()).state(), "web.1 changed nothing on its way out");

        transferDone.countDown();
        awaitFinished(run.id());
        assertEquals(RunState.SUCCEEDED, run(run.id()).state());
        assertEquals(List.of("POST restore"), posted, "the restore was started once, by web.1");
        assertEquals("restored by r007", run(run.id()).step("restore").orElseThrow().detail());
        assertEquals(1, runbook.callsOf("verify"));
    }

    @Test
    void theSameInstanceRestartedTakesItsRunningRunBackWithoutWaitingForTheLease() {
        ScriptedRunbook runbook = new ScriptedRunbook("restore");
        Run run = propose(engine(runbook));
        assertTrue(store.transition(run.id(), RunState.PROPOSED, RunState.RUNNING, clock.instant()));
        assertTrue(store.lease(run.id(), "web.1", clock.instant(), clock.instant().plus(RunEngine.LEASE)), "before the crash");

        assertEquals(List.of(), engine(runbook, new Inline(), "web.2").resumeUnfinished(), "another name must wait");
        assertEquals(List.of(run.id()), engine(runbook, new Inline(), "web.1").resumeUnfinished().stream().map(Run::id).toList());
        assertEquals(RunState.SUCCEEDED, run(run.id()).state());
    }

    @Test
    void aRunWaitingForApprovalIsNotResumedButStillWaits() {
        ScriptedRunbook runbook = new ScriptedRunbook("a");
        RunEngine engine = engine(runbook);
        Run run = propose(engine, Map.of(RunEngine.APPROVALS, "2"));
        engine.confirm(run.id(), ALICE);

        assertEquals(List.of(), engine(runbook).resumeUnfinished());
        assertEquals(RunState.WAITING_FOR_APPROVAL, run(run.id()).state());
    }

    @Test
    void aStopWhileAStepWaitsLeavesTheRunRunningToResume() {
        ScriptedRunbook runbook = new ScriptedRunbook("restore").script("restore", (context, call) -> {
            throw new InterruptedException("stopping");
        });
        RunEngine engine = engine(runbook);
        Run run = propose(engine);

        engine.confirm(run.id(), ALICE);

        assertEquals(RunState.RUNNING, run(run.id()).state());
        assertEquals(StepState.RUNNING, run(run.id()).step("restore").orElseThrow().state());
        assertEquals(Optional.of(run.id()), store.holder(TARGET), "still held: it resumes at the next start");
        Thread.interrupted();
    }

    @Test
    void aListenerThatFailsDoesNotStopTheRun() {
        ScriptedRunbook runbook = new ScriptedRunbook("a", "b");
        RunEngine engine = new RunEngine(store, Set.of(runbook), Set.of((run, event) -> {
            throw new IllegalStateException("Slack is down");
        }), clock, waiter, new Inline(), new RunIds(), RetryBackoff.DEFAULT, new Instance("test"));
        Run run = propose(engine);

        engine.confirm(run.id(), ALICE);

        assertEquals(RunState.SUCCEEDED, run(run.id()).state());
    }

    @Test
    void unknownRunsAreRefusedInWords() {
        RunEngine engine = engine(new ScriptedRunbook("a"));

        assertEquals("There is no run r-zzzzzz.", ((Decision.Refused) engine.confirm("r-zzzzzz", ALICE)).reason());
        assertEquals("There is no run r-zzzzzz.", ((Decision.Refused) engine.approve("r-zzzzzz", ALICE)).reason());
        assertEquals("There is no run r-zzzzzz.", ((Decision.Refused) engine.cancel("r-zzzzzz", ALICE)).reason());
    }

    @Test
    void backoffDoublesUpToItsCap() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(30), 5);

        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16),
                Duration.ofSeconds(30), Duration.ofSeconds(30)), List.of(backoff.delay(1), backoff.delay(2), backoff.delay(3),
                backoff.delay(4), backoff.delay(5), backoff.delay(40)));
    }

    @Test
    void durationsReadAsWords() {
        assertEquals("850 ms", Durations.words(Duration.ofMillis(850)));
        assertEquals("12 s", Durations.words(Duration.ofSeconds(12)));
        assertEquals("4 min 12 s", Durations.words(Duration.ofSeconds(252)));
        assertEquals("2 min", Durations.words(Duration.ofMinutes(2)));
        assertEquals("1 h 5 min", Durations.words(Duration.ofMinutes(65)));
        assertEquals("3 h", Durations.words(Duration.ofHours(3)));
    }

    private void awaitFinished(String runId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!run(runId).state().finished() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** The process dying in the middle of a step. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** Runs work on the calling thread: a confirmation returns when its run has ended. */
    static final class Inline extends AbstractExecutorService {
        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
