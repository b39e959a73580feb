package dev.lifeboat.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.RunStore;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.testing.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** What the run store contracts share: a store on a freshly migrated database, a fixed clock, runs and races. */
abstract class RunStoreFixture {
    /** Microseconds included: both databases must keep them. */
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456Z");

    final ManualClock clock = new ManualClock(T0);

    /** A freshly migrated store. */
    abstract Database database();

    /** Closes the database and opens a new {@link Database} on the same data. */
    abstract Database reopen();

    RunStore store() {
        return new JdbcRunStore(database().dataSource(), clock);
    }

    /** A run as {@code RunEngine.propose} makes it: two pending steps, nothing else. */
    static Run proposed(String id, String target, Instant createdAt) {
        return new Run(id, "restore", "Restore b012 into " + target, target, RunParams.of(Map.of("backup", "b012")),
                RunState.PROPOSED, "U0ALICE", List.of(), Optional.empty(), createdAt, Optional.empty(),
                Optional.empty(), "", Map.of(), List.of(StepRecord.pending("capture", "Capture a backup"),
                StepRecord.pending("restore", "Restore it")));
    }

    static Run inState(Run run, RunState state) {
        return new Run(run.id(), run.runbook(), run.title(), run.target(), run.params(), state, run.requestedBy(),
                run.approvedBy(), run.cancelRequestedBy(), run.createdAt(), run.startedAt(), run.finishedAt(),
                run.outcome(), run.annotations(), run.steps());
    }

    /** Creates a run in {@code state} and returns its id. */
    String created(RunStore store, String id, String target, RunState state) {
        store.create(inState(proposed(id, target, T0), state));
        return id;
    }

    /**
     * Starts {@code threads} tasks at the same moment (a barrier) and returns what each returned, in thread order.
     * A task that throws fails the test.
     */
    static <T> List<T> race(int threads, IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<T> work = task.apply(t);
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return work.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
