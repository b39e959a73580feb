package dev.lifeboat.app;

import dev.lifeboat.heroku.Release;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;

/**
 * Asks Heroku to roll back ({@code POST /apps/{app}/releases}), which creates a new release with the target's slug
 * and config. The new release's id and version are recorded at once, so a resumed run waits for that release and
 * never rolls back twice.
 */
final class StartRollback extends NamedStep {
    static final String ID = "rollback";
    static final String RELEASE_ID = "release-id";
    static final String VERSION = "release-version";

    private final AppParts parts;
    private final RollbackPlan plan;

    StartRollback(AppParts parts, RollbackPlan plan) {
        super(ID, "Roll " + plan.app() + " back to v" + plan.targetVersion(), parts.timings.callTimeout());
        this.parts = parts;
        this.plan = plan;
    }

    @Override
    public StepOutcome run(StepContext context) {
        if (context.recorded(RELEASE_ID).isPresent()) {
            return StepOutcome.succeeded("v" + context.recorded(VERSION).orElse("?") + " created");
        }
        Release created;
        try {
            created = parts.heroku().rollback(plan.app(), plan.targetId());
        } catch (UpstreamException e) {
            return Failures.of(e, "rolling " + plan.app() + " back to v" + plan.targetVersion());
        }
        context.record(RELEASE_ID, created.id());
        context.record(VERSION, Integer.toString(created.version()));
        return StepOutcome.succeeded(created.label() + " created: " + created.description());
    }
}
