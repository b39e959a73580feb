package dev.lifeboat.runbook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where runs are persisted (the state store: H2 embedded, PostgreSQL in production). Every change is written
 * before the engine goes on, so a run can resume from its last persisted step after a crash. The store itself
 * enforces the two rules that must hold across several Lifeboat instances: a state changes only from the state
 * the caller saw ({@link #transition}), and one run at a time holds a target ({@link #lock}).
 */
public interface RunStore {
    /** Persists a new run (normally {@link RunState#PROPOSED}, its steps pending). */
    void create(Run run);

    Optional<Run> find(String id);

    /**
     * Moves a run from {@code from} to {@code to} if, and only if, it is still in {@code from}: of two concurrent
     * clicks on the same button, exactly one gets {@code true}. Sets {@code startedAt} when {@code to} is RUNNING
     * or WAITING_FOR_APPROVAL and it was unset, and {@code finishedAt} when {@code to} is finished.
     */
    boolean transition(String id, RunState from, RunState to, Instant at);

    /**
     * Takes {@code target} for {@code runId}; throws {@link RunConflictException} naming the holder when another
     * run holds it. Taking a target the same run already holds succeeds.
     */
    void lock(String target, String runId);

    /** Releases {@code target} if {@code runId} holds it. */
    void unlock(String target, String runId);

    /** Replaces one step's record (matched by its id). */
    void saveStep(String runId, StepRecord step);

    void addApproval(String runId, String userId);

    void requestCancel(String runId, String userId);

    /** Sets the closing line. */
    void outcome(String runId, String outcome);

    /** Keeps an adapter's value with the run (e.g. {@code slack.ts}). */
    void annotate(String runId, String key, String value);

    /**
     * Takes or renews the lease on a RUNNING run for {@code owner} (an instance name) until {@code until}. It succeeds
     * when nobody holds the run, {@code owner} already does, or the holder's lease ran out before {@code now}; of two
     * instances claiming the same run at once, exactly one wins. A run that is not RUNNING cannot be leased.
     */
    boolean lease(String runId, String owner, Instant now, Instant until);

    /** Gives the lease up if {@code owner} holds it (a stop), so another instance need not wait for it to run out. */
    void releaseLease(String runId, String owner);

    /** Runs that are not finished and not merely proposed: to resume at start-up. */
    List<Run> unfinished();

    /** The newest runs first, at most {@code limit}. */
    List<Run> recent(int limit);
}
