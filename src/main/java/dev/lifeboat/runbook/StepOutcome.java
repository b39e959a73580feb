package dev.lifeboat.runbook;

/** How one attempt of a step ended: a value, never an exception. */
public sealed interface StepOutcome {
    /** The step did its work; {@code detail} is shown beside it ("b014, 90.00 MB"). */
    record Succeeded(String detail) implements StepOutcome {
    }

    /**
     * The step failed. {@code retryable} failures (429, 5xx, timeouts) are tried again with backoff within the
     * step's timeout; others stop the run at this step.
     */
    record Failed(String reason, boolean retryable) implements StepOutcome {
    }

    /** The step had nothing to do here ("staging: no maintenance mode"). */
    record Skipped(String reason) implements StepOutcome {
    }

    static StepOutcome succeeded(String detail) {
        return new Succeeded(detail);
    }

    static StepOutcome failed(String reason) {
        return new Failed(reason, false);
    }

    static StepOutcome retryable(String reason) {
        return new Failed(reason, true);
    }

    static StepOutcome skipped(String reason) {
        return new Skipped(reason);
    }
}
