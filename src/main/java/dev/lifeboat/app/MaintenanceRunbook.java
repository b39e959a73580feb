package dev.lifeboat.app;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.StepState;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * {@code maintenance on}: maintenance mode on (visitors get Heroku's maintenance page). {@code maintenance off}: off,
 * then check that the app answers.
 */
final class MaintenanceRunbook implements Runbook {
    static final String NAME = "maintenance";
    static final String APP = "app";
    static final String MODE = "mode";

    private final AppParts parts;

    @Inject
    MaintenanceRunbook(AppParts parts) {
        this.parts = parts;
    }

    static Map<String, String> params(String app, boolean on) {
        return Map.of(APP, app, MODE, on ? "on" : "off");
    }

    /** e.g. "Maintenance mode on for acme-prod". */
    static String title(String app, boolean on) {
        return "Maintenance mode " + (on ? "on" : "off") + " for " + app;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Step> steps(RunParams params) {
        String app = params.require(APP);
        if (on(params)) {
            return List.of(new MaintenanceStep(parts, app, true));
        }
        return List.of(new MaintenanceStep(parts, app, false), new VerifyApp(parts, app));
    }

    private static boolean on(RunParams params) {
        return params.require(MODE).equals("on");
    }

    @Override
    public String afterSuccess(Run run) {
        String app = run.params().require(APP);
        if (on(run.params())) {
            return "Maintenance mode is ON for " + app + ": visitors see Heroku's maintenance page (HTTP 503) and no "
                    + "request reaches the app. `/dr maintenance off` brings it back.";
        }
        String answers = run.step(VerifyApp.ID).map(StepRecord::detail).orElse("");
        return "Maintenance mode is off for " + app + " and the app answers" + (answers.isEmpty() ? "" : " ("
                + answers + ")") + ". Took " + AppOutcomes.took(run) + ".";
    }

    @Override
    public String afterFailure(Run run, StepRecord failed) {
        String app = run.params().require(APP);
        boolean wanted = on(run.params());
        StringBuilder out = new StringBuilder(AppOutcomes.maintenanceNow(parts, app));
        if (failed.id().equals(VerifyApp.ID) && failed.state() == StepState.FAILED) {
            return out.append(" Next: `/dr status` and `/dr logs` show why ").append(app)
                    .append(" does not answer; `/dr restart` if its dynos crashed.").toString();
        }
        return out.append(" Next: see why above, then `/dr maintenance ").append(wanted ? "on" : "off")
                .append("` again.").toString();
    }
}
