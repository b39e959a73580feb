package dev.lifeboat.schedule;

import java.time.Instant;

/**
 * A job Lifeboat runs by itself at its {@link #cadence()}: the leader instance runs it once per due time (claimed in
 * the state store), and a due time missed while Lifeboat was down is caught up once, at the next tick.
 */
public interface ScheduledJob {
    /** Its name in {@code /dr schedule} and in the store, e.g. {@code daily}. */
    String name();

    /** What it does, for {@code /dr schedule}. */
    String purpose();

    Cadence cadence();

    /**
     * Does the work for the due time {@code due} (in the past: now, or earlier when catching up) and says how it went.
     * A thrown exception is recorded (and announced) as a failure of this run; the next due time runs again.
     */
    JobResult run(Instant due) throws Exception;
}
