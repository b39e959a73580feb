package dev.lifeboat.app;

import dev.lifeboat.config.Redact;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.runbook.StepOutcome;
import java.util.Set;

/**
 * An upstream's failure as a step's outcome: what may pass by itself is tried again, the rest stops the run. Shared
 * by every runbook that calls an upstream (the app's and the restore's).
 */
public final class Failures {
    /** Rate limits, the upstream's own errors and no answer in time: the engine retries these within the step. */
    static final Set<Failure> RETRYABLE = Set.of(Failure.RATE_LIMITED, Failure.SERVER_ERROR, Failure.TIMEOUT,
            Failure.UNREACHABLE);

    private Failures() {
    }

    public static boolean retryable(UpstreamException e) {
        return RETRYABLE.contains(e.failure());
    }

    /** {@code doing} says what was being done, e.g. "turning maintenance on for acme-prod". */
    public static StepOutcome of(UpstreamException e, String doing) {
        String reason = "Failed " + doing + ": " + Redact.text(e.getMessage());
        return retryable(e) ? StepOutcome.retryable(reason) : StepOutcome.failed(reason);
    }
}
