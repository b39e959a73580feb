package dev.lifeboat.app;

import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;

/**
 * Restarts every dyno (after a restore, so no process keeps connections or caches from before), one process type, or
 * one dyno. Recorded once done; run again, it does not restart a second time.
 */
public final class RestartDynos extends NamedStep {
    public static final String ID = "restart";
    static final String RESTARTED_AT = "restarted-at";

    private final AppParts parts;
    private final String app;
    private final DynoScope scope;

    /** Every dyno of the app. */
    public RestartDynos(AppParts parts, String app) {
        this(parts, app, DynoScope.all());
    }

    RestartDynos(AppParts parts, String app, DynoScope scope) {
        super(ID, "Restart " + scope.of(app), parts.timings.callTimeout());
        this.parts = parts;
        this.app = app;
        this.scope = scope;
    }

    @Override
    public StepOutcome run(StepContext context) {
        if (context.recorded(RESTARTED_AT).isPresent()) {
            return StepOutcome.succeeded("restarted at " + context.recorded(RESTARTED_AT).get());
        }
        try {
            switch (scope.kind()) {
                case ALL -> parts.heroku().restartAllDynos(app);
                case TYPE -> parts.heroku().restartProcessType(app, scope.name().orElseThrow());
                case DYNO -> parts.heroku().restartDyno(app, scope.name().orElseThrow());
                default -> throw new IllegalStateException("unknown scope " + scope);
            }
        } catch (UpstreamException e) {
            return Failures.of(e, "restarting " + scope.of(app));
        }
        context.record(RESTARTED_AT, context.now().toString());
        return StepOutcome.succeeded(switch (scope.kind()) {
            case ALL -> "every dyno restarting";
            case TYPE -> "every " + scope.name().orElseThrow() + " dyno restarting";
            case DYNO -> scope.name().orElseThrow() + " restarting";
        });
    }
}
