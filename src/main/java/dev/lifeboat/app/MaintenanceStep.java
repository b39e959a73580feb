package dev.lifeboat.app;

import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;

/**
 * Maintenance mode on (a restore: before the safety backup, so nothing writes while the data is replaced) or off.
 * Reads the app first: already in the wanted state, it changes nothing.
 */
public final class MaintenanceStep extends NamedStep {
    public static final String ON = "maintenance-on";
    public static final String OFF = "maintenance-off";

    private final AppParts parts;
    private final String app;
    private final boolean on;

    public MaintenanceStep(AppParts parts, String app, boolean on) {
        super(on ? ON : OFF, "Maintenance mode " + (on ? "on" : "off") + " for " + app,
                parts.timings.callTimeout());
        this.parts = parts;
        this.app = app;
        this.on = on;
    }

    @Override
    public StepOutcome run(StepContext context) {
        String word = on ? "on" : "off";
        try {
            if (parts.heroku().app(app).maintenance() == on) {
                return StepOutcome.succeeded("already " + word);
            }
            boolean now = parts.heroku().setMaintenance(app, on).maintenance();
            if (now != on) {
                return StepOutcome.retryable("Heroku still shows maintenance mode " + (now ? "on" : "off"));
            }
            return StepOutcome.succeeded(on ? "on: visitors see Heroku's maintenance page" : "off: the app serves again");
        } catch (UpstreamException e) {
            return Failures.of(e, "turning maintenance " + word + " for " + app);
        }
    }
}
