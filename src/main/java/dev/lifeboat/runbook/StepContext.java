package dev.lifeboat.runbook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What a running step may know and do: its run's parameters, its own records, progress, and safe waiting. */
public interface StepContext {
    /** The run's id, e.g. {@code r-7k2m9q}. */
    String runId();

    RunParams params();

    /** Who started the run (a Slack user id, or the console's user). */
    String requestedBy();

    /** A value recorded by this step in an earlier attempt (or before a restart), e.g. the transfer it started. */
    Optional<String> recorded(String key);

    /** A value another step of this run recorded, e.g. the safety backup's name for the restore step's message. */
    Optional<String> recordedBy(String stepId, String key);

    /** Persists {@code key=value} for this step at once, before the step goes on (never a secret). */
    void record(String key, String value);

    /** Updates the detail shown beside the running step ("restoring: 40.00 MB of 90.00 MB (44%)"). */
    void progress(String detail);

    Instant now();

    /** Waits; throws {@link RunCancelledException} at once when the run is cancelled meanwhile. */
    void sleep(Duration duration) throws InterruptedException;
}
