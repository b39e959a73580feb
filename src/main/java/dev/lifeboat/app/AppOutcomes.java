package dev.lifeboat.app;

import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.StepState;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/** Pieces of the app runbooks' closing lines. */
final class AppOutcomes {
    private AppOutcomes() {
    }

    /** From the confirmation to the last step's end, e.g. "42 s". */
    static String took(Run run) {
        Instant confirmed = run.startedAt().orElse(run.createdAt());
        Instant finished = run.steps().stream().map(StepRecord::finishedAt).flatMap(Optional::stream)
                .max(Comparator.naturalOrder()).orElse(confirmed);
        return Durations.words(Duration.between(confirmed, finished));
    }

    static StepState state(Run run, String stepId) {
        return run.step(stepId).map(StepRecord::state).orElse(StepState.PENDING);
    }

    /** "Maintenance mode is ON for acme-prod: …" as Heroku says now, or that it could not be told. */
    static String maintenanceNow(AppParts parts, String app) {
        try {
            return parts.heroku().app(app).maintenance()
                    ? "Maintenance mode is ON for " + app + ": visitors see Heroku's maintenance page."
                    : "Maintenance mode is off for " + app + ".";
        } catch (RuntimeException e) {
            return "Whether maintenance mode is on for " + app + " is not known (Heroku did not answer).";
        }
    }
}
