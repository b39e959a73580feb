package dev.lifeboat.restore;

import dev.lifeboat.runbook.RunCancelledException;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.testing.ManualClock;
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
 */
final class FakeStepContext implements StepContext {
    final ManualClock clock;
    final RunParams params;
    final Map<String, Map<String, String>> records = new HashMap<>();
    final List<String> progress = new ArrayList<>();
    final List<Duration> sleeps = new ArrayList<>();
    private String stepId = "";
    private String cancelledBy;
    private Consumer<FakeStepContext> onSleep = c -> { };

    FakeStepContext(ManualClock clock, RunParams params) {
        this.clock = clock;
        this.params = params;
    }

    /** The step whose records {@link #record} and {@link #recorded} use from now on. */
    FakeStepContext as(String id) {
        this.stepId = id;
        return this;
    }

    void cancel(String by) {
        this.cancelledBy = by;
    }

    /** Runs before each sleep (after the clock would move), e.g. to cancel part-way. */
    void onSleep(Consumer<FakeStepContext> hook) {
        this.onSleep = hook;
    }

    Map<String, String> mine() {
        return records.computeIfAbsent(stepId, k -> new HashMap<>());
    }

    @Override
    public String runId() {
        return "r-test22";
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
