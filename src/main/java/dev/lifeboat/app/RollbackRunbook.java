package dev.lifeboat.app;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.StepState;
import jakarta.inject.Inject;
import java.util.List;

/** {@code rollback [vNNN]}: roll back → wait for the new release (and its release phase) → check the app answers. */
final class RollbackRunbook implements Runbook {
    static final String NAME = "rollback";

    private final AppParts parts;

    @Inject
    RollbackRunbook(AppParts parts) {
        this.parts = parts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Step> steps(RunParams params) {
        RollbackPlan plan = RollbackPlan.from(params);
        return List.of(new StartRollback(parts, plan), new AwaitRelease(parts, plan.app()),
                new VerifyApp(parts, plan.app()));
    }

    private static String created(Run run) {
        return run.step(StartRollback.ID).map(s -> s.records().get(StartRollback.VERSION)).map(v -> "v" + v)
                .orElse("the new release");
    }

    @Override
    public String afterSuccess(Run run) {
        RollbackPlan plan = RollbackPlan.from(run.params());
        return "Rolled " + plan.app() + " back to v" + plan.targetVersion() + " (it runs as " + created(run)
                + ") and the app answers. Took " + AppOutcomes.took(run) + ". Database migrations made after v"
                + plan.targetVersion() + " are still in place.";
    }

    @Override
    public String afterFailure(Run run, StepRecord failed) {
        RollbackPlan plan = RollbackPlan.from(run.params());
        boolean started = AppOutcomes.state(run, StartRollback.ID) == StepState.SUCCEEDED;
        if (!started) {
            return "Nothing was rolled back: v" + plan.fromVersion() + " still runs. Next: see why above, then "
                    + "`/dr rollback v" + plan.targetVersion() + "` again.";
        }
        if (failed.id().equals(AwaitRelease.ID)) {
            if (failed.state() == StepState.FAILED) {
                return "The rollback's release " + created(run) + " did not succeed, so Heroku kept v"
                        + plan.fromVersion() + " running: nothing changed for visitors. Next: the output above and "
                        + "`/dr logs` show why the release phase failed; fix it, or roll back to an older release "
                        + "with `/dr rollback vNNN`.";
            }
            return "The rollback's release " + created(run) + " was created and may still finish at Heroku. Next: "
                    + "`/dr status` shows the release that runs.";
        }
        if (failed.id().equals(VerifyApp.ID)) {
            return created(run) + " (v" + plan.targetVersion() + "'s code and config) runs, but " + plan.app()
                    + " does not answer. Next: `/dr logs` shows why; `/dr rollback v" + plan.fromVersion()
                    + "` goes back to what ran before.";
        }
        return created(run) + " runs. Next: `/dr status` shows how " + plan.app() + " is now.";
    }
}
