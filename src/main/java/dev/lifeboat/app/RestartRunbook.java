package dev.lifeboat.app;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.StepState;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code restart [TYPE|DYNO]}: restart → wait until the dynos are up → check that the app answers. */
final class RestartRunbook implements Runbook {
    static final String NAME = "restart";
    static final String APP = "app";

    private final AppParts parts;

    @Inject
    RestartRunbook(AppParts parts) {
        this.parts = parts;
    }

    static Map<String, String> params(String app, DynoScope scope) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(APP, app);
        scope.into(p);
        return p;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Step> steps(RunParams params) {
        String app = params.require(APP);
        DynoScope scope = DynoScope.from(params);
        return List.of(new RestartDynos(parts, app, scope), new AwaitDynos(parts, app, scope),
                new VerifyApp(parts, app));
    }

    @Override
    public String afterSuccess(Run run) {
        String app = run.params().require(APP);
        DynoScope scope = DynoScope.from(run.params());
        return "Restarted " + scope.of(app) + " (" + run.step(AwaitDynos.ID).map(StepRecord::detail).orElse("up")
                + ") and the app answers. Took " + AppOutcomes.took(run) + ".";
    }

    @Override
    public String afterFailure(Run run, StepRecord failed) {
        String app = run.params().require(APP);
        DynoScope scope = DynoScope.from(run.params());
        boolean restarted = AppOutcomes.state(run, RestartDynos.ID) == StepState.SUCCEEDED;
        if (!restarted) {
            return "Nothing was restarted. Next: see why above, then `/dr restart" + scope.words() + "` again; "
                    + "`/dr status` shows the dynos.";
        }
        if (failed.id().equals(AwaitDynos.ID)) {
            return "The restart was done, but not every dyno came back up. A restart does not cure a crash in the "
                    + "code: `/dr logs 200" + scope.name().map(n -> " " + n).orElse("") + "` shows why; "
                    + "`/dr rollback` goes back to the previous release if a recent deploy broke it.";
        }
        if (failed.id().equals(VerifyApp.ID)) {
            return "The dynos were restarted, but " + app + " does not answer. Next: `/dr status` and `/dr logs` "
                    + "show why.";
        }
        return "The dynos were restarted. Next: `/dr status` shows how " + app + " is now.";
    }
}
