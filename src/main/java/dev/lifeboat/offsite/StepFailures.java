package dev.lifeboat.offsite;

import dev.lifeboat.config.Redact;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.runbook.StepOutcome;
import java.util.Set;

/** An upstream's failure as a step's outcome: what may pass by itself is tried again, the rest stops the run. */
final class StepFailures {
    private static final Set<Failure> RETRYABLE = Set.of(Failure.RATE_LIMITED, Failure.SERVER_ERROR, Failure.TIMEOUT,
            Failure.UNREACHABLE);

    private StepFailures() {
    }

    static StepOutcome of(UpstreamException e, String doing) {
        String reason = "Failed " + doing + ": " + Redact.text(e.getMessage());
        return RETRYABLE.contains(e.failure()) ? StepOutcome.retryable(reason) : StepOutcome.failed(reason);
    }
}
