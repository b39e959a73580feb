package dev.lifeboat.restore;

import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.StepState;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code drill}: proves the backups restore. The newest Heroku backup of production, and (when S3 is configured) the
 * newest offsite copy, are each restored into staging and validated, and the measured RTO and RPO reported.
 * Production is never touched: every step targets the staging app.
 */
final class DrillRunbook implements Runbook {
    static final String NAME = "drill";
    static final String START_OFFSITE = "restore-offsite";
    static final String WAIT_OFFSITE = "wait-offsite";
    static final String VALIDATE_OFFSITE = "validate-offsite";

    private final RestoreParts parts;

    @Inject
    DrillRunbook(RestoreParts parts) {
        this.parts = parts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Step> steps(RunParams params) {
        RestorePlan plan = RestorePlan.from(params);
        Optional<Source> offsite = params.get(RestorePlan.OFFSITE).map(Source.Offsite::new);
        List<Source> sources = new ArrayList<>(List.of(plan.source()));
        offsite.ifPresent(sources::add);
        List<Step> steps = new ArrayList<>();
        steps.add(new Preflight(parts, plan, sources));
        steps.add(new SafetyBackup(parts, plan.app()));
        RestoreRunbook.addRestore(steps, parts, plan, plan.source(), RestoreRunbook.START, RestoreRunbook.WAIT,
                RestoreRunbook.VALIDATE);
        offsite.ifPresent(copy -> RestoreRunbook.addRestore(steps, parts, plan, copy, START_OFFSITE, WAIT_OFFSITE,
                VALIDATE_OFFSITE));
        return steps;
    }

    @Override
    public String afterSuccess(Run run) {
        RestorePlan plan = RestorePlan.from(run.params());
        Instant confirmed = run.startedAt().orElse(run.createdAt());
        StringBuilder out = new StringBuilder("Drill passed: ");
        out.append(plan.source().label()).append(' ')
                .append(measure(run, confirmed, RestoreRunbook.VALIDATE, plan.dataAsOf(), confirmed));
        run.params().get(RestorePlan.OFFSITE).ifPresent(key -> {
            Instant from = run.step(START_OFFSITE).flatMap(StepRecord::startedAt).orElse(confirmed);
            out.append(" Offsite copy ").append(new Source.Offsite(key).label()).append(' ').append(measure(run,
                    from, VALIDATE_OFFSITE, run.params().get(RestorePlan.OFFSITE_AS_OF).map(Instant::parse),
                    confirmed));
        });
        if (run.params().get(RestorePlan.OFFSITE).isEmpty()) {
            out.append(" No offsite copy was drilled (S3 is not configured, or it holds no copy).");
        }
        return out.append(" Production was not touched.").toString();
    }

    /** "restored and validated in 4 min 12 s (RTO); RPO 6 h (…)." */
    private static String measure(Run run, Instant from, String validateId, Optional<Instant> asOf, Instant confirmed) {
        StepRecord validate = run.step(validateId).orElseThrow();
        Instant end = validate.finishedAt().orElse(from);
        boolean checked = validate.state() == StepState.SUCCEEDED;
        return "restored" + (checked ? " and validated" : " (not validated: no LIFEBOAT_VALIDATION_SQL checks)")
                + " in " + Durations.words(Duration.between(from, end)) + " (RTO); "
                + RestoreOutcome.rpo(asOf, confirmed) + ".";
    }

    @Override
    public String afterFailure(Run run, StepRecord failed) {
        RestorePlan plan = RestorePlan.from(run.params());
        boolean started = RestoreOutcome.record(run, RestoreRunbook.START, StartRestore.TRANSFER).isPresent();
        Optional<String> safety = RestoreOutcome.state(run, SafetyBackup.ID) == StepState.SUCCEEDED
                ? RestoreOutcome.record(run, SafetyBackup.ID, SafetyBackup.NAME) : Optional.empty();
        String staging = !started ? plan.app() + "'s data is unchanged."
                : plan.app() + "'s database may be partly restored" + safety.map(s -> " (its safety backup " + s
                + " holds what it had)").orElse("") + ".";
        return "The drill did not pass. Production was not touched; " + staging
                + " Next: see why above, then run `/dr drill` again.";
    }
}
