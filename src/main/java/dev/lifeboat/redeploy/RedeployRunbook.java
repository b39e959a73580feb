package dev.lifeboat.redeploy;

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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code redeploy}: check the commit at GitHub → start a Heroku build of it (recorded before waiting) → follow the
 * build → wait for its release and release phase → probe the app. Its closing line says what runs now.
 */
final class RedeployRunbook implements Runbook {
    static final String NAME = "redeploy";

    private final RedeployParts parts;

    @Inject
    RedeployRunbook(RedeployParts parts) {
        this.parts = parts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Step> steps(RunParams params) {
        RedeployPlan plan = RedeployPlan.from(params);
        return List.of(new CheckCommit(parts, plan), new StartBuild(parts, plan), new AwaitBuild(parts, plan),
                new AwaitRelease(parts, plan), new ProbeApp(parts, plan.app()));
    }

    /** "Redeployed acme-prod to e57f0b3 (main) as v9 in 2 min 3 s: built, released and answering." */
    @Override
    public String afterSuccess(Run run) {
        RedeployPlan plan = RedeployPlan.from(run.params());
        Instant confirmed = run.startedAt().orElse(run.createdAt());
        Instant finished = run.steps().stream().map(StepRecord::finishedAt).flatMap(Optional::stream)
                .max(Comparator.naturalOrder()).orElse(confirmed);
        String version = record(run, AwaitRelease.ID, AwaitRelease.VERSION).orElse("the new release");
        return "Redeployed " + plan.app() + " to " + plan.shortSha() + " (" + plan.ref() + ") as " + version + " in "
                + Durations.words(Duration.between(confirmed, finished)) + " (confirmation to the app answering): "
                + "built, released and answering.";
    }

    @Override
    public String afterFailure(Run run, StepRecord failed) {
        RedeployPlan plan = RedeployPlan.from(run.params());
        String running = plan.running().orElse("the release before");
        boolean started = record(run, StartBuild.ID, StartBuild.BUILD).isPresent();
        boolean built = state(run, AwaitBuild.ID) == StepState.SUCCEEDED;
        boolean released = state(run, AwaitRelease.ID) == StepState.SUCCEEDED;
        Optional<String> version = record(run, AwaitRelease.ID, AwaitRelease.VERSION);
        String again = "`/dr redeploy " + plan.ref() + "`";
        if (!started) {
            return "Nothing was built: " + plan.app() + " still runs " + running + ". Next: see why above, then "
                    + again + " again.";
        }
        if (!built) {
            if (failed.id().equals(AwaitBuild.ID) && failed.state() == StepState.FAILED
                    && failed.detail().contains("failed at Heroku")) {
                return "The build failed, so nothing was released: " + plan.app() + " still runs " + running + ".\n"
                        + lines(failed) + "Next: fix the build (its last output lines are above), push, then "
                        + again + "; or redeploy a commit that built before (`/dr redeploy TAG`).";
            }
            return "Build " + record(run, StartBuild.ID, StartBuild.BUILD).map(StartBuild::shortId).orElse("")
                    + " was started at Heroku and may still finish and release by itself: until then " + plan.app()
                    + " runs " + running + ". Next: `/dr status` shows the current release.";
        }
        if (!released) {
            if (failed.id().equals(AwaitRelease.ID) && failed.state() == StepState.FAILED
                    && failed.detail().contains("release phase")) {
                return version.orElse("The new release") + " failed its release phase, so Heroku kept " + running
                        + " running on " + plan.app() + ".\n" + lines(failed) + "Next: fix what the release phase"
                        + " printed (above), then " + again + " again.";
            }
            return version.orElse("The new release") + " was still in its release phase: it becomes current by itself"
                    + " if the phase passes; until then " + plan.app() + " runs " + running + ". Next: `/dr status`"
                    + " shows the current release.";
        }
        return version.orElse("The new release") + " of " + plan.shortSha() + " is live on " + plan.app()
                + ", but the app does not answer. Next: `/dr status` and `/dr logs` show why; `/dr rollback` goes back"
                + " to " + running + ".";
    }

    private static String lines(StepRecord failed) {
        String block = failed.records().getOrDefault(StepFailures.OUTPUT, "");
        return block.isEmpty() ? "" : block + "\n";
    }

    static StepState state(Run run, String stepId) {
        return run.step(stepId).map(StepRecord::state).orElse(StepState.PENDING);
    }

    static Optional<String> record(Run run, String stepId, String key) {
        return run.step(stepId).map(s -> s.records().get(key));
    }
}
