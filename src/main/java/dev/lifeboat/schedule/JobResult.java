package dev.lifeboat.schedule;

import java.util.Optional;

/**
 * How one run of a job went.
 *
 * @param outcome how it went
 * @param detail  one or two lines for {@code /dr schedule} and the audit log (never a secret)
 * @param runId   the runbook run it started, when it started one (the drill, the offsite copy)
 */
public record JobResult(Outcome outcome, String detail, Optional<String> runId) {
    /** How a job's run ended, as stored. */
    public enum Outcome {
        /** Did what it should and found nothing wrong. */
        OK,
        /** Ran, and found something people must hear of (stale backups); announced. */
        WARNING,
        /** Could not do its work; announced. */
        FAILED
    }

    public static JobResult ok(String detail) {
        return new JobResult(Outcome.OK, detail, Optional.empty());
    }

    public static JobResult warning(String detail) {
        return new JobResult(Outcome.WARNING, detail, Optional.empty());
    }

    public static JobResult failed(String detail) {
        return new JobResult(Outcome.FAILED, detail, Optional.empty());
    }

    public JobResult withRun(Optional<String> run) {
        return new JobResult(outcome, detail, run);
    }
}
