package dev.lifeboat.audit;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEvent;
import dev.lifeboat.runbook.RunListener;
import dev.lifeboat.runbook.StepRecord;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Every run's start, approvals, steps and end in the audit log, under the run's id: the commands that confirm,
 * approve or cancel are recorded by the runner; what the run then did is recorded here. Progress is not (it would
 * flood the log); each step's end is.
 */
public final class AuditRunListener implements RunListener {
    static final String SURFACE = "runbook";
    private static final String STEP = " step: ";

    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public AuditRunListener(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void changed(Run run, RunEvent event) {
        String what;
        String outcome;
        switch (event.kind()) {
            case STEP_STARTED, STEP_PROGRESS -> {
                return;
            }
            case STEP_FINISHED, STEP_FAILED -> {
                StepRecord step = event.stepId().flatMap(run::step).orElse(null);
                if (step == null) {
                    return;
                }
                what = run.runbook() + STEP + step.title();
                outcome = step.state().name().toLowerCase(Locale.ROOT);
            }
            case FINISHED -> {
                what = run.runbook() + ": " + run.title();
                outcome = run.state().name().toLowerCase(Locale.ROOT);
            }
            default -> {
                what = run.runbook() + ": " + run.title();
                outcome = event.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
        }
        String detail = event.kind() == RunEvent.Kind.FINISHED ? run.outcome() : event.text();
        audit.append(new AuditEntry(clock.instant(), run.requestedBy(), "", SURFACE,
                Optional.ofNullable(run.annotations().get("slack.channel")), cut(what, 200), outcome,
                detail == null || detail.isBlank() ? Optional.empty() : Optional.of(cut(detail, 500)), run.id()));
    }

    /** An entry about one step of a run (not the run's start, approval or end). */
    static boolean isStep(AuditEntry e) {
        return SURFACE.equals(e.surface()) && e.commandText().contains(STEP);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
