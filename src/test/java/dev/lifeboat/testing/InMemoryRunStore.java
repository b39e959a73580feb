package dev.lifeboat.testing;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunConflictException;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.RunStore;
import dev.lifeboat.runbook.StepRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link RunStore} in memory, with the same rules as the real one (compare-and-set, one run per target). */
public final class InMemoryRunStore implements RunStore {
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final Map<String, String> locks = new HashMap<>();
    private final Map<String, Lease> leases = new HashMap<>();

    private record Lease(String owner, Instant until) {
    }

    @Override
    public synchronized void create(Run run) {
        if (runs.putIfAbsent(run.id(), run) != null) {
            throw new IllegalStateException("run " + run.id() + " exists");
        }
    }

    @Override
    public synchronized Optional<Run> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    @Override
    public synchronized boolean transition(String id, RunState from, RunState to, Instant at) {
        Run run = runs.get(id);
        if (run == null || run.state() != from) {
            return false;
        }
        Optional<Instant> started = run.startedAt().isEmpty()
                && (to == RunState.RUNNING || to == RunState.WAITING_FOR_APPROVAL) ? Optional.of(at) : run.startedAt();
        Optional<Instant> finished = to.finished() ? Optional.of(at) : run.finishedAt();
        runs.put(id, new Run(run.id(), run.runbook(), run.title(), run.target(), run.params(), to, run.requestedBy(),
                run.approvedBy(), run.cancelRequestedBy(), run.createdAt(), started, finished, run.outcome(),
                run.annotations(), run.steps()));
        return true;
    }

    @Override
    public synchronized void lock(String target, String runId) {
        String holder = locks.get(target);
        if (holder == null || holder.equals(runId) || runs.get(holder) == null || runs.get(holder).state().finished()) {
            locks.put(target, runId);
            return;
        }
        throw new RunConflictException(target, holder);
    }

    @Override
    public synchronized void unlock(String target, String runId) {
        locks.remove(target, runId);
    }

    /** Who holds {@code target}, for tests. */
    public synchronized Optional<String> holder(String target) {
        return Optional.ofNullable(locks.get(target));
    }

    @Override
    public synchronized void saveStep(String runId, StepRecord step) {
        Run run = runs.get(runId);
        List<StepRecord> steps = new ArrayList<>(run.steps());
        boolean replaced = false;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(step.id())) {
                steps.set(i, step);
                replaced = true;
            }
        }
        if (!replaced) {
            steps.add(step);
        }
        replace(run, run.approvedBy(), run.cancelRequestedBy(), run.outcome(), run.annotations(), steps);
    }

    @Override
    public synchronized void addApproval(String runId, String userId) {
        Run run = runs.get(runId);
        if (run.approvedBy().contains(userId)) {
            return;
        }
        List<String> approvals = new ArrayList<>(run.approvedBy());
        approvals.add(userId);
        replace(run, approvals, run.cancelRequestedBy(), run.outcome(), run.annotations(), run.steps());
    }

    @Override
    public synchronized void requestCancel(String runId, String userId) {
        Run run = runs.get(runId);
        replace(run, run.approvedBy(), Optional.of(userId), run.outcome(), run.annotations(), run.steps());
    }

    @Override
    public synchronized void outcome(String runId, String outcome) {
        Run run = runs.get(runId);
        replace(run, run.approvedBy(), run.cancelRequestedBy(), outcome, run.annotations(), run.steps());
    }

    @Override
    public synchronized void annotate(String runId, String key, String value) {
        Run run = runs.get(runId);
        Map<String, String> annotations = new HashMap<>(run.annotations());
        annotations.put(key, value);
        replace(run, run.approvedBy(), run.cancelRequestedBy(), run.outcome(), annotations, run.steps());
    }

    @Override
    public synchronized boolean lease(String runId, String owner, Instant now, Instant until) {
        Run run = runs.get(runId);
        if (run == null || run.state() != RunState.RUNNING) {
            return false;
        }
        Lease held = leases.get(runId);
        if (held != null && !held.owner().equals(owner) && !held.until().isBefore(now)) {
            return false;
        }
        leases.put(runId, new Lease(owner, until));
        return true;
    }

    @Override
    public synchronized void releaseLease(String runId, String owner) {
        leases.computeIfPresent(runId, (id, held) -> held.owner().equals(owner) ? null : held);
    }

    @Override
    public synchronized List<Run> unfinished() {
        return runs.values().stream()
                .filter(r -> r.state() == RunState.RUNNING || r.state() == RunState.WAITING_FOR_APPROVAL).toList();
    }

    @Override
    public synchronized List<Run> recent(int limit) {
        return runs.values().stream().sorted(Comparator.comparing(Run::createdAt).reversed()).limit(limit).toList();
    }

    private void replace(Run run, List<String> approvals, Optional<String> cancel, String outcome,
                         Map<String, String> annotations, List<StepRecord> steps) {
        runs.put(run.id(), new Run(run.id(), run.runbook(), run.title(), run.target(), run.params(), run.state(),
                run.requestedBy(), approvals, cancel, run.createdAt(), run.startedAt(), run.finishedAt(), outcome,
                annotations, steps));
    }
}
