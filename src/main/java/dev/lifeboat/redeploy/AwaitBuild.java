package dev.lifeboat.redeploy;

import dev.lifeboat.heroku.Build;
import dev.lifeboat.heroku.BuildStatus;
import dev.lifeboat.heroku.HerokuBuilds;
import dev.lifeboat.heroku.LogLines;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Follows the build the previous step started (its id is in that step's record, so a resume follows the same build)
 * until it {@code succeeded}, with the release it made, or {@code failed}, with the last lines of its output. Reads.
 */
final class AwaitBuild extends NamedStep {
    static final String ID = "build-wait";
    static final String RELEASE = "release";

    private final RedeployParts parts;
    private final RedeployPlan plan;

    AwaitBuild(RedeployParts parts, RedeployPlan plan) {
        super(ID, "Wait for the build of " + plan.shortSha(), parts.timings.buildTimeout());
        this.parts = parts;
        this.plan = plan;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        Optional<String> id = context.recordedBy(StartBuild.ID, StartBuild.BUILD);
        if (id.isEmpty()) {
            return StepOutcome.failed("No build was started (the previous step recorded none).");
        }
        HerokuBuilds builds = parts.builds();
        Instant since = context.now();
        while (true) {
            Build build;
            try {
                build = builds.build(plan.app(), id.get());
            } catch (UpstreamException e) {
                return StepFailures.of(e, "following build " + StartBuild.shortId(id.get()));
            }
            if (build.status() == BuildStatus.FAILED) {
                String what = "The build of " + plan.shortSha() + " failed at Heroku (build "
                        + StartBuild.shortId(build.id()) + ")";
                return failed(context, builds, build, what);
            }
            if (build.status() == BuildStatus.SUCCEEDED && build.releaseId().isPresent()) {
                context.record(RELEASE, build.releaseId().get());
                String took = build.updatedAt() != null && build.createdAt() != null
                        ? " in " + Durations.words(Duration.between(build.createdAt(), build.updatedAt())) : "";
                return StepOutcome.succeeded("built" + took + "; Heroku is releasing it");
            }
            context.progress(build.status() == BuildStatus.SUCCEEDED ? "built; waiting for Heroku to create the release"
                    : "building (" + Durations.words(Duration.between(since, context.now())) + " so far)");
            context.sleep(parts.timings.poll());
        }
    }

    /** The failure with the build's last output lines; or why they could not be read. */
    private StepOutcome failed(StepContext context, HerokuBuilds builds, Build build, String what) {
        if (build.outputStreamUrl().isEmpty()) {
            return StepOutcome.failed(what + "; Heroku gave no output stream for it.");
        }
        try {
            LogLines lines = builds.outputTail(build.outputStreamUrl().get(), parts.timings.outputLines(),
                    parts.timings.outputRead());
            return StepFailures.failedWithOutput(context, what, lines);
        } catch (UpstreamException e) {
            return StepOutcome.failed(what + "; its output could not be read: "
                    + dev.lifeboat.config.Redact.text(e.getMessage()));
        }
    }
}
