package dev.lifeboat.site;

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

/** A step's context for site step tests: records per step (kept across attempts), a clock that sleeping moves. */
final class FakeSiteContext implements StepContext {
    final ManualClock clock;
    final RunParams params;
    final Map<String, Map<String, String>> records = new HashMap<>();
    final List<String> progress = new ArrayList<>();
    private String stepId = "";
    private String cancelledBy;

    FakeSiteContext(ManualClock clock, RunParams params) {
        this.clock = clock;
        this.params = params;
    }

    FakeSiteContext as(String id) {
        this.stepId = id;
        return this;
    }

    void cancel(String by) {
        this.cancelledBy = by;
    }

    Map<String, String> mine() {
        return records.computeIfAbsent(stepId, k -> new HashMap<>());
    }

    @Override
    public String runId() {
        return "r-site22";
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
        if (cancelledBy != null) {
            throw new RunCancelledException(cancelledBy);
        }
        clock.advance(duration);
    }
}
