package dev.lifeboat.testing;

import dev.lifeboat.runbook.RunCancelledException;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.StepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A step's context for step tests: records kept per step (so a second run of the same step sees the first's), a
 * manual clock that {@link #sleep} moves, the progress lines shown, and a cancel that takes effect at the next sleep.
 * Used by the restore and the site step tests.
 */
public final class FakeStepContext implements StepContext {
    public final ManualClock clock;
    public final RunParams params;
    public final Map<String, Map<String, String>> records = new HashMap<>();
    public final List<String> progress = new ArrayList<>();
    public final List<Duration> sleeps = new ArrayList<>();
    private final String runId;
    private String stepId = "";
    private String cancelledBy;
    private Consumer<FakeStepContext> onSleep = c -> { };

    public FakeStepContext(ManualClock clock, RunParams params) {
        this("r-test22", clock, params);
    }

    /** A context for a run with this id. */
    public FakeStepContext(String runId, ManualClock clock, RunParams params) {
        this.runId = runId;
        this.clock = clock;
        this.params = params;
    }

    /** The step whose records {@link #record} and {@link #recorded} use from now on. */
    public FakeStepContext as(String id) {
        this.stepId = id;
        return this;
    }

    public void cancel(String by) {
        this.cancelledBy = by;
    }

    /** Runs before each sleep (after the clock would move), e.g. to cancel part-way. */
    public void onSleep(Consumer<FakeStepContext> hook) {
        this.onSleep = hook;
    }

    public Map<String, String> mine() {
        return records.computeIfAbsent(stepId, k -> new HashMap<>());
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public RunParams params() {
        return params;
    }

    @Override
    public String requestedBy() {
        return "U0ALICE";
    }

    @Override
    public Optional<String> recorded(String key) {
        return Optional.ofNullable(mine().get(key));
    }

    @Override
    public Optional<String> recordedBy(String otherStepId, String key) {
        return Optional.ofNullable(records.getOrDefault(otherStepId, Map.of()).get(key));
    }

    @Override
    public void record(String key, String value) {
        mine().put(key, value);
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
        onSleep.accept(this);
        if (cancelledBy != null) {
            throw new RunCancelledException(cancelledBy);
        }
        sleeps.add(duration);
        clock.advance(duration);
    }
}
