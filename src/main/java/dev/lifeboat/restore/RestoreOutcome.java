package dev.lifeboat.restore;

import dev.lifeboat.app.MaintenanceStep;
import dev.lifeboat.app.RestartDynos;
import dev.lifeboat.app.VerifyApp;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.StepState;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * A restore's closing line: on success its RTO and RPO; on a failure or a cancel, what state the data and the app
 * are in and the sensible next action.
 */
final class RestoreOutcome {
    private final RestoreParts parts;
    private final Run run;
    private final RestorePlan plan;

    RestoreOutcome(RestoreParts parts, Run run, RestorePlan plan) {
        this.parts = parts;
        this.run = run;
        this.plan = plan;
    }

    /** "Restored b012 into acme-prod … RTO 14 min 3 s (…). RPO 6 h 12 min (…)." */
    static String success(Run run, RestorePlan plan) {
        Instant confirmed = confirmed(run);
        Duration rto = Duration.between(confirmed, finished(run));
        boolean validated = state(run, RestoreRunbook.VALIDATE) == StepState.SUCCEEDED;
        StringBuilder out = new StringBuilder("Restored ").append(plan.source().label()).append(" into ")
                .append(plan.app());
        if (plan.production()) {
            out.append(validated ? ": data validated" : ": data not validated (no LIFEBOAT_VALIDATION_SQL checks)")
                    .append(", maintenance off, dynos restarted, and the app answers. ");
            out.append("RTO ").append(Durations.words(rto)).append(" (confirmation to the app answering). ");
        } else {
            out.append(validated ? " and validated it. " : " (not validated: no LIFEBOAT_VALIDATION_SQL checks). ");
            out.append("RTO ").append(Durations.words(rto)).append(" (confirmation to ")
                    .append(validated ? "validated" : "restored").append("). ");
        }
        out.append(rpo(plan.dataAsOf(), confirmed)).append('.');
        record(run, SafetyBackup.ID, SafetyBackup.NAME).ifPresent(name -> out.append(" What ").append(plan.app())
                .append(" held before is in the safety backup ").append(name).append('.'));
        return out.toString();
    }

    /** "RPO 6 h 12 min (data written after … is not in it)" or why it is not known. */
    static String rpo(Optional<Instant> dataAsOf, Instant confirmed) {
        return dataAsOf.map(asOf -> "RPO " + Durations.words(Duration.between(asOf, confirmed))
                        + " (data written after " + Times.utc(asOf) + " is not in the restored database)")
                .orElse("RPO unknown (the age of a dump at a URL cannot be told)");
    }

    String afterFailure(StepRecord where) {
        boolean started = record(run, RestoreRunbook.START, StartRestore.TRANSFER).isPresent();
        boolean restored = state(run, RestoreRunbook.WAIT) == StepState.SUCCEEDED;
        Optional<String> safety = state(run, SafetyBackup.ID) == StepState.SUCCEEDED
                ? record(run, SafetyBackup.ID, SafetyBackup.NAME) : Optional.empty();
        StringBuilder out = new StringBuilder();
        if (!started) {
            out.append(where.id().equals(SafetyBackup.ID) && where.state() == StepState.FAILED
                    ? "The safety backup failed, so nothing was restored: " + plan.app() + "'s data is unchanged."
                    : "Nothing was restored: " + plan.app() + "'s data is unchanged"
                    + safety.map(s -> " (safety backup " + s + " was taken)").orElse("") + ".");
        } else if (!restored) {
            out.append(partial());
        } else if (state(run, RestoreRunbook.VALIDATE) == StepState.FAILED) {
            out.append("The data was restored but failed validation.");
        } else {
            out.append("The data was restored").append(state(run, RestoreRunbook.VALIDATE) == StepState.SUCCEEDED
                    ? " and validated." : ".");
        }
        Optional<Boolean> maintenance = plan.production() ? Optional.of(maintenanceOn(out)) : Optional.empty();
        out.append(' ').append(next(where, started, restored, safety, maintenance.orElse(false)));
        return out.toString();
    }

    private String partial() {
        String cancel = record(run, RestoreRunbook.WAIT, AwaitRestore.HEROKU_CANCEL).orElse("");
        String name = record(run, RestoreRunbook.START, StartRestore.NAME).orElse("the restore");
        if (state(run, RestoreRunbook.WAIT) == StepState.FAILED) {
            return "The restore failed at Heroku, so " + plan.app() + "'s database may be partly restored.";
        }
        if (cancel.equals("cancelled")) {
            return "The restore " + name + " was cancelled at Heroku part-way: " + plan.app()
                    + "'s database is incomplete.";
        }
        if (cancel.startsWith("already finished")) {
            return "The restore " + name + " had already finished at Heroku; the data was not validated.";
        }
        if (cancel.startsWith("refused")) {
            return "Heroku did not take the cancel (" + cancel + "): " + name + " may still be writing into "
                    + plan.app() + "'s database.";
        }
        return "The restore " + name + " started at Heroku and may still be running into " + plan.app()
                + "'s database (`/dr backups` shows transfers in progress).";
    }

    /** Says whether maintenance mode is on, asking Heroku; falls back on what the run's steps did. */
    private boolean maintenanceOn(StringBuilder out) {
        try {
            boolean on = parts.heroku().app(plan.app()).maintenance();
            out.append(on ? " Maintenance mode is ON for " + plan.app() + ": visitors see the maintenance page."
                    : " Maintenance mode is off for " + plan.app() + ".");
            return on;
        } catch (RuntimeException e) {
            boolean on = state(run, MaintenanceStep.ON) == StepState.SUCCEEDED
                    && state(run, MaintenanceStep.OFF) != StepState.SUCCEEDED;
            out.append(" Maintenance mode is probably ").append(on ? "ON" : "off").append(" for ").append(plan.app())
                    .append(" (Heroku did not answer to confirm).");
            return on;
        }
    }

    private String next(StepRecord where, boolean started, boolean restored, Optional<String> safety, boolean on) {
        String again = "`/dr restore " + (plan.source() instanceof Source.Url ? "URL" : plan.source().label())
                + (plan.production() ? "" : " to staging") + "`";
        String off = on ? "`/dr maintenance off`" : null;
        if (!started) {
            return "Next: see why above, then try again with " + again
                    + (off != null ? "; or " + off + " to bring the app back as it was." : ".");
        }
        String putBack = safety.map(s -> plan.production() ? ", or put back what it held with `/dr restore " + s + "`"
                : " (staging's own safety backup " + s + " holds what it had)").orElse("");
        if (!restored) {
            return "Next: try again with " + again + ", restore an older backup (`/dr backups`)" + putBack
                    + (off != null ? "; then " + off + " once the data is right." : ".");
        }
        if (state(run, RestoreRunbook.VALIDATE) == StepState.FAILED) {
            return "Next: check the data; restore another backup (`/dr backups`)" + putBack
                    + (off != null ? "; " + off + " once the data is right." : ".");
        }
        return switch (where.id()) {
            case RestartDynos.ID -> "Next: `/dr restart` to restart the dynos.";
            case VerifyApp.ID -> "Next: `/dr status` and `/dr logs` show why the app does not answer.";
            default -> off != null ? "Next: " + off + " when you are ready to serve again." : "Nothing else to do.";
        };
    }

    private static Instant confirmed(Run run) {
        return run.startedAt().orElse(run.createdAt());
    }

    private static Instant finished(Run run) {
        return run.steps().stream().map(StepRecord::finishedAt).flatMap(Optional::stream)
                .max(Comparator.naturalOrder()).orElse(confirmed(run));
    }

    static StepState state(Run run, String stepId) {
        return run.step(stepId).map(StepRecord::state).orElse(StepState.PENDING);
    }

    static Optional<String> record(Run run, String stepId, String key) {
        return run.step(stepId).map(s -> s.records().get(key));
    }
}
