package dev.lifeboat.runbook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run of a runbook as persisted: what it does, to what, who asked and approved, where it stands, and its steps.
 *
 * @param id              short and unique, e.g. {@code r-7k2m9q}; what {@code /dr cancel RUN} takes
 * @param runbook         the runbook's name, e.g. {@code restore}
 * @param title           e.g. "Restore b012 into acme-prod (production)"
 * @param target          what the run holds while it runs, e.g. {@code postgres:acme-prod}: one run per target
 * @param params          what it was asked to do
 * @param state           where it stands
 * @param requestedBy     who asked (Slack user id or console user)
 * @param approvedBy      who approved, in order (the confirmation counts as the requester's own)
 * @param cancelRequestedBy who asked to cancel, when someone did
 * @param createdAt       when the card was shown
 * @param startedAt       when it was confirmed
 * @param finishedAt      when it ended
 * @param outcome         the closing line ("done in 4 min 12 s; RTO …, RPO …", or why it stopped and the state left)
 * @param annotations     what adapters keep with the run (e.g. the Slack message's channel and ts), never secrets
 * @param steps           the steps, in order
 */
public record Run(String id, String runbook, String title, String target, RunParams params, RunState state,
                  String requestedBy, List<String> approvedBy, Optional<String> cancelRequestedBy, Instant createdAt,
                  Optional<Instant> startedAt, Optional<Instant> finishedAt, String outcome,
                  Map<String, String> annotations, List<StepRecord> steps) {
    public Run {
        approvedBy = List.copyOf(approvedBy);
        annotations = Map.copyOf(new TreeMap<>(annotations));
        steps = List.copyOf(steps);
        outcome = outcome == null ? "" : outcome;
    }

    public Optional<StepRecord> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** The step running now, if any. */
    public Optional<StepRecord> current() {
        return steps.stream().filter(s -> s.state() == StepState.RUNNING).findFirst();
    }
}
