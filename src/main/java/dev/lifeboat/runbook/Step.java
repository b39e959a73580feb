package dev.lifeboat.runbook;

import java.time.Duration;

/**
 * One step of a runbook. Every step is safe to repeat: before it waits on anything it started (a transfer, a
 * build), it records the started thing's id with {@link StepContext#record}; run again (a retry, or a resume after
 * a crash), it finds that record with {@link StepContext#recorded} and goes on waiting instead of starting again.
 */
public interface Step {
    /** A stable key within its runbook, e.g. {@code safety-backup}: how a resumed run finds this step's record. */
    String id();

    /** What a person reads beside the step, e.g. "Safety backup of acme-prod". */
    String title();

    /** How long the step may take in all, retries included. */
    Duration timeout();

    /**
     * Does the step's work. Long waits go through {@link StepContext#sleep}, which ends early with
     * {@link RunCancelledException} when someone cancels the run at this safe point.
     */
    StepOutcome run(StepContext context) throws InterruptedException;
}
