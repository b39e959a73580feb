package dev.lifeboat.runbook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A runbook for the engine's tests: its steps do what each test scripts, and record every call, so a test can
 * assert which steps ran, how often, and what they found recorded from an earlier attempt.
 */
final class ScriptedRunbook implements Runbook {
    /** What one step does on each call. */
    @FunctionalInterface
    interface Script {
        StepOutcome run(StepContext context, int call) throws InterruptedException;
    }

    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Map<String, Duration> timeouts = new ConcurrentHashMap<>();
    private final List<String> order;

    ScriptedRunbook(String... stepIds) {
        this.order = List.of(stepIds);
        for (String id : stepIds) {
            scripts.put(id, (context, call) -> StepOutcome.succeeded(id + " done"));
        }
    }

    ScriptedRunbook script(String stepId, Script script) {
        scripts.put(stepId, script);
        return this;
    }

    ScriptedRunbook timeout(String stepId, Duration timeout) {
        timeouts.put(stepId, timeout);
        return this;
    }

    long callsOf(String stepId) {
        synchronized (calls) {
            return calls.stream().filter(stepId::equals).count();
        }
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public List<Step> steps(RunParams params) {
        List<Step> steps = new ArrayList<>();
        for (String id : order) {
            steps.add(new Step() {
                @Override
                public String id() {
                    return id;
                }

                @Override
                public String title() {
                    return "Step " + id;
                }

                @Override
                public Duration timeout() {
                    return timeouts.getOrDefault(id, Duration.ofMinutes(10));
                }

                @Override
                public StepOutcome run(StepContext context) throws InterruptedException {
                    calls.add(id);
                    return scripts.get(id).run(context, (int) callsOf(id));
                }
            });
        }
        return steps;
    }

    @Override
    public String afterFailure(Run run, StepRecord failed) {
        return "Stopped at " + failed.title() + "; state: as before.";
    }

    @Override
    public String afterSuccess(Run run) {
        return "Done: " + run.steps().size() + " steps.";
    }
}
