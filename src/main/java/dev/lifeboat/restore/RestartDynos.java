package dev.lifeboat.restore;

import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;

/**
 * Restarts every dyno, so no process keeps connections or caches from before the restore. Recorded once done; run
 * again, it does not restart a second time.
 */
final class RestartDynos extends NamedStep {
    static final String ID = "restart";
    static final String RESTARTED_AT = "restarted-at";

    private final RestoreParts parts;
    private final String app;

    RestartDynos(RestoreParts parts, String app) {
        super(ID, "Restart " + app + "'s dynos",
                parts.timings.callTimeout());
        this.parts = parts;
        this.app = app;
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
