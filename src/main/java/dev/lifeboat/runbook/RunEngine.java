package dev.lifeboat.runbook;

import dev.lifeboat.runbook.RunEvent.Kind;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs runbooks: a run is proposed (a confirmation card, nothing changed), confirmed exactly once (the store's
 * compare-and-set), approved when a second operator must, and then its steps run one after another on the
 * {@code runs} executor, each persisted before and after it runs. A crash leaves the run RUNNING in the store; at
 * start-up {@link #resumeUnfinished()} goes on from the first step that did not end.
 *
 * <p>Several instances may share one store (PostgreSQL). A running run is executed by the instance holding its
 * lease ({@link RunStore#lease}), renewed by {@link #keepLeases()} every {@link #LEASE_RENEWAL}; an instance that
 * stops renewing (it died, or lost the store) loses its runs after {@link #LEASE} and another instance's
 * {@link #keepLeases()} takes them over from their last persisted step. An instance that finds its lease taken
 * stops executing that run at once (its thread is interrupted, as on a stop) and changes nothing more.
 */
@Singleton
public final class RunEngine {
    /** How long a confirmation card, or a run waiting for approval, stays valid. */
    public static final Duration PROPOSAL_TTL = Duration.ofMinutes(30);
    /** Parameter naming how many distinct operators must agree (the requester included); default 1. */
    public static final String APPROVALS = "approvals";
    /** How long a run's lease holds without renewal: two renewals may be missed before another instance takes over. */
    public static final Duration LEASE = Duration.ofSeconds(90);
    /** How often {@link #keepLeases()} should be called. */
    public static final Duration LEASE_RENEWAL = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(RunEngine.class);

    private final RunStore store;
    private final Map<String, Runbook> runbooks;
    private final Set<RunListener> listeners;
    private final Clock clock;
    private final ExecutorService executor;
    private final RunIds ids;
    private final RunExecution execution;
    private final Instance instance;
    /** Runs executing in this process, so a resume never runs one twice here. */
    private final Map<String, Executing> executing = new ConcurrentHashMap<>();

    @Inject
    public RunEngine(RunStore store, Set<Runbook> runbooks, Set<RunListener> listeners, Clock clock, Waiter waiter,
                     @Named("runs") ExecutorService executor, RunIds ids, RetryBackoff backoff, Instance instance) {
        this.store = store;
        this.runbooks = runbooks.stream().collect(Collectors.toMap(Runbook::name, Function.identity()));
        this.listeners = listeners;
        this.clock = clock;
        this.executor = executor;
        this.ids = ids;
        this.instance = instance;
        this.execution = new RunExecution(store, clock, waiter, backoff, this::runbook, this::tell);
    }

    /** Persists a proposed run (its steps pending): what the confirmation card shows. Nothing changes yet. */
    public Run propose(String runbookName, String title, String target, RunParams params, String requestedBy) {
        Runbook runbook = runbook(runbookName);
        List<StepRecord> steps = runbook.steps(params).stream().map(s -> StepRecord.pending(s.id(), s.title())).toList();
        Run run = new Run(ids.next(), runbookName, title, target, params, RunState.PROPOSED, requestedBy, List.of(),
                Optional.empty(), clock.instant(), Optional.empty(), Optional.empty(), "", Map.of(), steps);
        store.create(run);
        return run;
    }

    public Optional<Run> find(String runId) {
        return store.find(runId);
    }

    /**
     * The requester confirms the card. Exactly one of several concurrent confirmations starts the run; the others
     * are told it already started. Another run holding the target refuses it, naming that run.
     */
    public Decision confirm(String runId, String actor) {
        Optional<Run> found = store.find(runId);
        if (found.isEmpty()) {
            return Decision.refused("There is no run " + runId + ".", null);
        }
        Run run = found.get();
        if (run.state() != RunState.PROPOSED) {
            return Decision.refused(alreadyDecided(run), run);
        }
        if (expired(run.createdAt())) {
            store.transition(runId, RunState.PROPOSED, RunState.EXPIRED, clock.instant());
            return Decision.refused("This confirmation expired after " + PROPOSAL_TTL.toMinutes()
                    + " minutes; nothing was changed. Ask again for a fresh one.", reload(runId));
        }
        try {
            lockTarget(run);
        } catch (RunConflictException e) {
            String holder = store.find(e.holder()).map(h -> " (" + h.title() + ", " + h.state().name().toLowerCase(java.util.Locale.ROOT) + ")").orElse("");
            return Decision.refused("Run " + e.holder() + holder + " is already working on " + run.target()
                    + "; one run at a time. `/dr cancel " + e.holder() + "` stops it.", run);
        }
        int needed = approvalsNeeded(run);
        RunState next = needed > 1 ? RunState.WAITING_FOR_APPROVAL : RunState.RUNNING;
        if (!store.transition(runId, RunState.PROPOSED, next, clock.instant())) {
            return Decision.refused(alreadyDecided(reload(runId)), reload(runId));
        }
        store.addApproval(runId, actor);
        if (next == RunState.WAITING_FOR_APPROVAL) {
            Run waiting = reload(runId);
            tell(waiting, RunEvent.of(Kind.WAITING_FOR_APPROVAL, "Waiting for a second operator to approve (requested by "
                    + actor + "; expires in " + PROPOSAL_TTL.toMinutes() + " minutes)."));
            return new Decision.Done(waiting);
        }
        Run started = reload(runId);
        tell(started, RunEvent.of(Kind.STARTED, "Started by " + actor + "."));
        submit(started);
        return new Decision.Done(started);
    }

    /**
     * Takes the run's target. A holder that is still only proposed and older than {@link #PROPOSAL_TTL} (a crash
     * between its lock and its start) has expired: it is ended and the target taken.
     */
    private void lockTarget(Run run) {
        try {
            store.lock(run.target(), run.id());
        } catch (RunConflictException e) {
            Optional<Run> holder = store.find(e.holder());
            if (holder.isEmpty() || holder.get().state() != RunState.PROPOSED || !expired(holder.get().createdAt())) {
                throw e;
            }
            store.transition(e.holder(), RunState.PROPOSED, RunState.EXPIRED, clock.instant());
            store.lock(run.target(), run.id());
        }
    }

    /** A second operator approves a run waiting for approval; the requester cannot approve their own. */
    public Decision approve(String runId, String approver) {
        Optional<Run> found = store.find(runId);
        if (found.isEmpty()) {
            return Decision.refused("There is no run " + runId + ".", null);
        }
        Run run = found.get();
        if (run.state() != RunState.WAITING_FOR_APPROVAL) {
            return Decision.refused(alreadyDecided(run), run);
        }
        if (run.requestedBy().equals(approver)) {
            return Decision.refused("You asked for this run; another operator must approve it.", run);
        }
        if (run.approvedBy().contains(approver)) {
            return Decision.refused("You have already approved this run.", run);
        }
        if (expired(run.startedAt().orElse(run.createdAt()))) {
            if (store.transition(runId, RunState.WAITING_FOR_APPROVAL, RunState.EXPIRED, clock.instant())) {
                store.unlock(run.target(), runId);
                store.outcome(runId, "Expired: no second approval within " + PROPOSAL_TTL.toMinutes() + " minutes. Nothing was changed.");
                tell(reload(runId), RunEvent.of(Kind.FINISHED, "Expired without a second approval; nothing was changed."));
            }
            return Decision.refused("This run waited more than " + PROPOSAL_TTL.toMinutes()
                    + " minutes for approval and expired; nothing was changed.", reload(runId));
        }
        store.addApproval(runId, approver);
        Run approved = reload(runId);
        if (approved.approvedBy().size() < approvalsNeeded(approved)) {
            tell(approved, RunEvent.of(Kind.APPROVED, "Approved by " + approver + "; more approvals needed."));
            return new Decision.Done(approved);
        }
        if (!store.transition(runId, RunState.WAITING_FOR_APPROVAL, RunState.RUNNING, clock.instant())) {
            return Decision.refused(alreadyDecided(reload(runId)), reload(runId));
        }
        Run started = reload(runId);
        tell(started, RunEvent.of(Kind.APPROVED, "Approved by " + approver + "; starting."));
        submit(started);
        return new Decision.Done(started);
    }

    /**
     * Cancels a run: one not yet started ends at once; a running one stops at its next safe point (between steps,
     * or in a step's wait), and its closing line says what state the systems are in.
     */
    public Decision cancel(String runId, String actor) {
        Optional<Run> found = store.find(runId);
        if (found.isEmpty()) {
            return Decision.refused("There is no run " + runId + ".", null);
        }
        Run run = found.get();
        switch (run.state()) {
            case PROPOSED, WAITING_FOR_APPROVAL -> {
                if (!store.transition(runId, run.state(), RunState.CANCELLED, clock.instant())) {
                    return Decision.refused(alreadyDecided(reload(runId)), reload(runId));
                }
                store.unlock(run.target(), runId);
                store.outcome(runId, "Cancelled by " + actor + " before anything was changed.");
                Run cancelled = reload(runId);
                tell(cancelled, RunEvent.of(Kind.FINISHED, "Cancelled by " + actor + "; nothing was changed."));
                return new Decision.Done(cancelled);
            }
            case RUNNING -> {
                store.requestCancel(runId, actor);
                Run cancelling = reload(runId);
                tell(cancelling, RunEvent.of(Kind.CANCEL_REQUESTED, "Cancel requested by " + actor
                        + "; stopping at the next safe point" + cancelling.current().map(s -> " (now: " + s.title() + ")").orElse("") + "."));
                return new Decision.Done(cancelling);
            }
            default -> {
                return Decision.refused("Run " + runId + " has already ended (" + run.state().name().toLowerCase(java.util.Locale.ROOT)
                        + ").", run);
            }
        }
    }

    /** At start-up: every run that was running goes on from its last persisted step, and says so. */
    public List<Run> resumeUnfinished() {
        return takeUnfinished("Lifeboat restarted; resuming from: ");
    }

    /**
     * Every {@link #LEASE_RENEWAL}: renews the leases of the runs executing here (a run whose lease another instance
     * took is stopped here at once), and takes over running runs whose instance stopped renewing theirs.
     */
    public List<Run> keepLeases() {
        Instant now = clock.instant();
        executing.forEach((runId, here) -> {
            if (!store.lease(runId, instance.name(), now, now.plus(LEASE)) && isRunning(runId)) {
                log.warn("event=run_lease_lost run={} instance={}", runId, instance.name());
                here.lose();
            }
        });
        return takeUnfinished("The Lifeboat instance running this stopped answering; " + instance.name()
                + " takes over from: ");
    }

    private boolean isRunning(String runId) {
        return store.find(runId).map(r -> r.state() == RunState.RUNNING).orElse(false);
    }

    private List<Run> takeUnfinished(String saying) {
        List<Run> resumed = new ArrayList<>();
        for (Run run : store.unfinished()) {
            if (run.state() != RunState.RUNNING || executing.containsKey(run.id())) {
                continue;
            }
            Instant now = clock.instant();
            if (!store.lease(run.id(), instance.name(), now, now.plus(LEASE))) {
                continue; // another live instance executes it
            }
            String from = run.steps().stream().filter(s -> !s.state().done()).findFirst().map(StepRecord::title).orElse("the end");
            tell(run, RunEvent.of(Kind.RESUMED, saying + from + "."));
            log.info("event=run_resumed run={} instance={}", run.id(), instance.name());
            execute(run);
            resumed.add(run);
        }
        return resumed;
    }

    /** A run this instance just moved to RUNNING: lease it, then execute it. */
    private void submit(Run run) {
        Instant now = clock.instant();
        if (!store.lease(run.id(), instance.name(), now, now.plus(LEASE))) {
            log.warn("event=run_lease_refused run={} instance={}", run.id(), instance.name());
            return; // another instance took it over already; it executes the run
        }
        execute(run);
    }

    private void execute(Run run) {
        Executing here = new Executing();
        if (executing.putIfAbsent(run.id(), here) != null) {
            return;
        }
        try {
            executor.execute(() -> {
                here.thread = Thread.currentThread();
                try {
                    if (!here.lost) {
                        execution.run(run.id());
                    }
                } finally {
                    executing.remove(run.id());
                    release(run.id());
                }
            });
        } catch (RejectedExecutionException e) {
            executing.remove(run.id());
            release(run.id());
            log.warn("event=run_not_started run={} reason=\"executor stopped\"", run.id());
        }
    }

    /** A run executing here: its thread, once it has one, and whether another instance took the run over. */
    private static final class Executing {
        volatile Thread thread;
        volatile boolean lost;

        void lose() {
            lost = true;
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }
    }

    /**
     * Finished, or paused by a stop: either way another instance need not wait for the lease to run out. Done with
     * the interrupt flag cleared (a stop interrupts runs; the store's I/O must not see it), then set again.
     */
    private void release(String runId) {
        boolean interrupted = Thread.interrupted();
        try {
            store.releaseLease(runId, instance.name());
        } catch (RuntimeException e) {
            log.info("event=run_lease_not_released run={} error=\"{}\"", runId, e.getClass().getSimpleName());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Runbook runbook(String name) {
        Runbook runbook = runbooks.get(name);
        if (runbook == null) {
            throw new IllegalStateException("no runbook named '" + name + "'");
        }
        return runbook;
    }

    private Run reload(String runId) {
        return store.find(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " vanished from the store"));
    }

    private boolean expired(Instant since) {
        return clock.instant().isAfter(since.plus(PROPOSAL_TTL));
    }

    private static int approvalsNeeded(Run run) {
        return run.params().get(APPROVALS).map(Integer::parseInt).orElse(1);
    }

    private static String alreadyDecided(Run run) {
        return switch (run.state()) {
            case PROPOSED -> "Run " + run.id() + " has not started.";
            case WAITING_FOR_APPROVAL -> "Run " + run.id() + " is already confirmed and waits for a second operator's approval.";
            case RUNNING -> "Run " + run.id() + " is already running (started by " + run.requestedBy() + ").";
            case SUCCEEDED -> "Run " + run.id() + " has already finished.";
            case FAILED -> "Run " + run.id() + " has already ended: it failed.";
            case CANCELLED -> "Run " + run.id() + " was cancelled.";
            case EXPIRED -> "Run " + run.id() + " expired; nothing was changed. Ask again for a fresh one.";
        };
    }

    private void tell(Run run, RunEvent event) {
        for (RunListener listener : listeners) {
            try {
                listener.changed(run, event);
            } catch (RuntimeException e) {
                log.warn("event=run_listener_failed listener={} run={} error=\"{}\"", listener.getClass().getSimpleName(),
                        run.id(), e.getClass().getSimpleName());
            }
        }
    }
}
