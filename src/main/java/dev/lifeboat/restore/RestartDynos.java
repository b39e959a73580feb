package dev.lifeboat.restore;

import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import java.time.Duration;

/**
 * Restarts every dyno, so no process keeps connections or caches from before the restore. Recorded once done; run
 * again, it does not restart a second time.
 */
final class RestartDynos implements Step {
    static final String ID = "restart";
    static final String RESTARTED_AT = "restarted-at";

    private final RestoreParts parts;
    private final String app;

    RestartDynos(RestoreParts parts, String app) {
        this.parts = parts;
        this.app = app;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Restart " + app + "'s dynos";
    }

    @Override
    public Duration timeout() {
        return parts.timings.callTimeout();
    }

    @Override
    public StepOutcome run(StepContext context) {
        if (context.recorded(RESTARTED_AT).isPresent()) {
            return StepOutcome.succeeded("restarted at " + context.recorded(RESTARTED_AT).get());
        }
        try {
            parts.heroku().restartAllDynos(app);
        } catch (UpstreamException e) {
            return Failures.of(e, "restarting " + app + "'s dynos");
        }
        context.record(RESTARTED_AT, context.now().toString());
        return StepOutcome.succeeded("every dyno restarting");
    }
}
