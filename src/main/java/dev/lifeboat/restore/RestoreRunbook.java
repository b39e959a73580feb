package dev.lifeboat.restore;

import dev.lifeboat.app.MaintenanceStep;
import dev.lifeboat.app.RestartDynos;
import dev.lifeboat.app.VerifyApp;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepRecord;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code restore}: a backup into production (preflight → maintenance on → safety backup → restore → wait → validate
 * → maintenance off → restart → verify) or into staging (no maintenance mode, no restart, no probe).
 */
final class RestoreRunbook implements Runbook {
    static final String NAME = "restore";
    static final String START = "restore";
    static final String WAIT = "wait";
    static final String VALIDATE = "validate";

    private final RestoreParts parts;

    @Inject
    RestoreRunbook(RestoreParts parts) {
        this.parts = parts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Step> steps(RunParams params) {
        RestorePlan plan = RestorePlan.from(params);
        List<Step> steps = new ArrayList<>();
        steps.add(new Preflight(parts, plan, List.of(plan.source())));
        if (plan.production()) {
            steps.add(new MaintenanceStep(parts.app(), plan.app(), true));
        }
        steps.add(new SafetyBackup(parts, plan.app()));
        addRestore(steps, parts, plan, plan.source(), START, WAIT, VALIDATE);
        if (plan.production()) {
            steps.add(new MaintenanceStep(parts.app(), plan.app(), false));
            steps.add(new RestartDynos(parts.app(), plan.app()));
            steps.add(new VerifyApp(parts.app(), plan.app()));
        }
        return steps;
    }

    /** The restore of one source: start it (once), wait for it, validate the data; restore and drill alike. */
    static void addRestore(List<Step> steps, RestoreParts parts, RestorePlan plan, Source source, String startId,
                           String waitId, String validateId) {
        steps.add(new StartRestore(parts, plan, source, startId));
        steps.add(new AwaitRestore(parts, plan.app(), startId, waitId, source.label()));
        steps.add(new ValidateData(parts, plan.app(), validateId));
    }

    @Override
    public String afterSuccess(Run run) {
        RestorePlan plan = RestorePlan.from(run.params());
        return RestoreOutcome.success(run, plan);
    }

    @Override
    public String afterFailure(Run run, StepRecord failed) {
        RestorePlan plan = RestorePlan.from(run.params());
        return new RestoreOutcome(parts, run, plan).afterFailure(failed);
    }
}
