package dev.lifeboat.runbook;

import dev.lifeboat.runbook.RunEvent.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one run's steps on the calling thread (the engine's {@code runs} executor): each step persisted before and
 * after it runs, retryable failures tried again with backoff within the step's timeout, a cancel honoured at the
 * next safe point, and the run finished (or left RUNNING to resume, when Lifeboat stops meanwhile).
 */
final class RunExecution {
    private static final Logger log = LoggerFactory.getLogger(RunExecution.class);

    private final RunStore store;
    private final Clock clock;
    private final Waiter waiter;
    private final RetryBackoff backoff;
    private final Function<String, Runbook> runbooks;
    private final BiConsumer<Run, RunEvent> tell;

    RunExecution(RunStore store, Clock clock, Waiter waiter, RetryBackoff backoff, Function<String, Runbook> runbooks,
                 BiConsumer<Run, RunEvent> tell) {
        this.store = store;
        this.clock = clock;
        this.waiter = waiter;
        this.backoff = backoff;
        this.runbooks = runbooks;
        this.tell = tell;
    }

    /** Runs {@code runId} from its first step that did not end. */
    void run(String runId) {
        new Execution(runId).run();
    }

    private Runbook runbook(String name) {
        return runbooks.apply(name);
    }

    private Run reload(String runId) {
        return store.find(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " vanished from the store"));
    }

    private void tell(Run run, RunEvent event) {
        tell.accept(run, event);
    }

    /** One run's steps, on the run's own thread. */
    private final class Execution {
        private final String runId;

        Execution(String runId) {
            this.runId = runId;
        }

        void run() {
            Run run = reload(runId);
            Runbook runbook = runbook(run.runbook());
            for (Step step : runbook.steps(run.params())) {
                if (Thread.currentThread().isInterrupted()) {
                    // Lifeboat is stopping, or another instance took the run over: change nothing more here.
                    log.info("event=run_paused run={} before_step={}", runId, step.id());
                    return;
                }
                run = reload(runId);
                StepRecord record = run.step(step.id()).orElseGet(() -> StepRecord.pending(step.id(), step.title()));
                if (record.state() == StepState.SUCCEEDED || record.state() == StepState.SKIPPED) {
                    continue;
                }
                if (run.cancelRequestedBy().isPresent()) {
                    stopCancelled(run, runbook, record);
                    return;
                }
                StepRecord started = record.started(clock.instant());
                store.saveStep(runId, started);
                tell(reload(runId), RunEvent.step(Kind.STEP_STARTED, step.id(), step.title()));
                StepResult result;
                try {
                    result = attempt(step, started);
                } catch (InterruptedException e) {
                    // Lifeboat is stopping: the run stays RUNNING in the store and resumes at the next start.
                    Thread.currentThread().interrupt();
                    log.info("event=run_paused run={} step={}", runId, step.id());
                    return;
                }
                StepRecord latest = reload(runId).step(step.id()).orElse(started);
                switch (result.state()) {
                    case SUCCEEDED, SKIPPED -> {
                        store.saveStep(runId, latest.finished(result.state(), result.detail(), clock.instant()));
                        tell(reload(runId), RunEvent.step(Kind.STEP_FINISHED, step.id(), result.detail()));
                    }
                    case CANCELLED -> {
                        store.saveStep(runId, latest.finished(StepState.CANCELLED, result.detail(), clock.instant()));
                        stopCancelled(reload(runId), runbook, reload(runId).step(step.id()).orElseThrow());
                        return;
                    }
                    default -> {
                        StepRecord failed = latest.finished(StepState.FAILED, result.detail(), clock.instant());
                        store.saveStep(runId, failed);
                        tell(reload(runId), RunEvent.step(Kind.STEP_FAILED, step.id(), step.title() + " failed: " + result.detail()));
                        skipRest(runbook, step.id(), "not run: an earlier step failed");
                        finish(RunState.FAILED, runbook.afterFailure(reload(runId), failed));
                        return;
                    }
                }
            }
            finish(RunState.SUCCEEDED, runbook.afterSuccess(reload(runId)));
        }

        /** Runs one step, retrying retryable failures with backoff within its timeout. */
        private StepResult attempt(Step step, StepRecord started) throws InterruptedException {
            Instant deadline = clock.instant().plus(step.timeout());
            Context context = new Context(runId, step.id(), deadline);
            for (int attempt = 1; ; attempt++) {
                StepOutcome outcome;
                try {
                    outcome = step.run(context);
                } catch (RunCancelledException e) {
                    return new StepResult(StepState.CANCELLED, "stopped: " + e.getMessage());
                } catch (StepTimedOutException e) {
                    return new StepResult(StepState.FAILED, "did not finish within " + Durations.words(step.timeout()));
                } catch (InterruptedException e) {
                    throw e;
                } catch (RuntimeException e) {
                    log.warn("event=step_error run={} step={} error=\"{}\"", runId, step.id(), e.getClass().getSimpleName());
                    outcome = StepOutcome.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
                if (outcome instanceof StepOutcome.Succeeded s) {
                    return new StepResult(StepState.SUCCEEDED, s.detail());
                }
                if (outcome instanceof StepOutcome.Skipped s) {
                    return new StepResult(StepState.SKIPPED, s.reason());
                }
                StepOutcome.Failed f = (StepOutcome.Failed) outcome;
                Duration wait = backoff.delay(attempt);
                if (!f.retryable() || clock.instant().plus(wait).isAfter(deadline) || attempt >= backoff.maxAttempts()) {
                    return new StepResult(StepState.FAILED, f.reason()
                            + (f.retryable() && attempt > 1 ? " (after " + attempt + " tries)" : ""));
                }
                context.progress("retrying in " + Durations.words(wait) + " after: " + f.reason());
                try {
                    context.sleep(wait);
                } catch (RunCancelledException e) {
                    return new StepResult(StepState.CANCELLED, "stopped: " + e.getMessage());
                } catch (StepTimedOutException e) {
                    return new StepResult(StepState.FAILED, f.reason());
                }
            }
        }

        private void stopCancelled(Run run, Runbook runbook, StepRecord at) {
            String by = run.cancelRequestedBy().orElse("someone");
            skipRest(runbook, at.state() == StepState.CANCELLED ? at.id() : null, "not run: cancelled by " + by);
            Run now = reload(runId);
            StepRecord where = now.step(at.id()).orElse(at);
            finish(RunState.CANCELLED, "Cancelled by " + by + " at: " + where.title() + ". "
                    + runbook.afterFailure(now, where));
        }

        /** Marks every step after {@code afterStepId} (or every pending one when null) as skipped. */
        private void skipRest(Runbook runbook, String afterStepId, String why) {
            Run run = reload(runId);
            boolean after = afterStepId == null;
            for (StepRecord s : run.steps()) {
                if (after && !s.state().done()) {
                    store.saveStep(runId, s.finished(StepState.SKIPPED, why, clock.instant()));
                }
                if (s.id().equals(afterStepId)) {
                    after = true;
                }
            }
        }

        private void finish(RunState state, String outcome) {
            Run run = reload(runId);
            store.outcome(runId, outcome);
            if (store.transition(runId, RunState.RUNNING, state, clock.instant())) {
                store.unlock(run.target(), runId);
                tell(reload(runId), RunEvent.of(Kind.FINISHED, outcome));
            }
        }
    }

    private record StepResult(StepState state, String detail) {
    }

    /** A step's view of its run. */
    private final class Context implements StepContext {
        private final String runId;
        private final String stepId;
        private final Instant deadline;

        Context(String runId, String stepId, Instant deadline) {
            this.runId = runId;
            this.stepId = stepId;
            this.deadline = deadline;
        }

        private StepRecord mine() {
            return reload(runId).step(stepId).orElseThrow();
        }

        @Override
        public String runId() {
            return runId;
        }

        @Override
        public RunParams params() {
            return reload(runId).params();
        }

        @Override
        public String requestedBy() {
            return reload(runId).requestedBy();
        }

        @Override
        public Optional<String> recorded(String key) {
            return Optional.ofNullable(mine().records().get(key));
        }

        @Override
        public Optional<String> recordedBy(String otherStepId, String key) {
            return reload(runId).step(otherStepId).map(s -> s.records().get(key));
        }

        @Override
        public void record(String key, String value) {
            store.saveStep(runId, mine().withRecord(key, value));
        }

        @Override
        public void progress(String detail) {
            store.saveStep(runId, mine().withState(StepState.RUNNING, detail));
            tell(reload(runId), RunEvent.step(Kind.STEP_PROGRESS, stepId, detail));
        }

        @Override
        public Instant now() {
            return clock.instant();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            reload(runId).cancelRequestedBy().ifPresent(by -> {
                throw new RunCancelledException(by);
            });
            if (clock.instant().plus(duration).isAfter(deadline)) {
                throw new StepTimedOutException();
            }
            waiter.sleep(duration);
            reload(runId).cancelRequestedBy().ifPresent(by -> {
                throw new RunCancelledException(by);
            });
        }
    }

    /** A step's wait would end past its timeout. */
    static final class StepTimedOutException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
