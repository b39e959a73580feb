package dev.lifeboat.redeploy;

import dev.lifeboat.heroku.HerokuBuilds;
import dev.lifeboat.heroku.LogLines;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import java.util.Optional;

/**
 * Waits for the release the build made, through its release phase: {@code succeeded} (it is live) or {@code failed}
 * (Heroku keeps the release before it running), with the release phase's last output lines. Reads.
 */
final class AwaitRelease extends NamedStep {
    static final String ID = "release";
    static final String VERSION = "version";

    private final RedeployParts parts;
    private final RedeployPlan plan;

    AwaitRelease(RedeployParts parts, RedeployPlan plan) {
        super(ID, "Wait for the release and its release phase", parts.timings.releaseTimeout());
        this.parts = parts;
        this.plan = plan;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        Optional<String> id = context.recordedBy(AwaitBuild.ID, AwaitBuild.RELEASE);
        if (id.isEmpty()) {
            return StepOutcome.failed("The build made no release (the previous step recorded none).");
        }
        HerokuBuilds builds = parts.builds();
        while (true) {
            Release release;
            try {
                release = builds.releaseById(plan.app(), id.get());
            } catch (UpstreamException e) {
                return StepFailures.of(e, "following the release of " + plan.shortSha());
            }
            if (context.recorded(VERSION).isEmpty()) {
                context.record(VERSION, release.label());
            }
            switch (release.status()) {
                case SUCCEEDED -> {
                    return StepOutcome.succeeded(release.label() + " is live");
                }
                case FAILED, EXPIRED -> {
                    return failed(context, builds, release, release.label() + " failed its release phase, so Heroku"
                            + " did not switch to it");
                }
                default -> context.progress(release.label() + ": release phase running");
            }
            context.sleep(parts.timings.poll());
        }
    }

    private StepOutcome failed(StepContext context, HerokuBuilds builds, Release release, String what) {
        if (release.outputStreamUrl() == null || release.outputStreamUrl().isBlank()) {
            return StepOutcome.failed(what + "; Heroku gave no release output for it.");
        }
        try {
            LogLines lines = builds.outputTail(release.outputStreamUrl(), parts.timings.outputLines(),
                    parts.timings.outputRead());
            return StepFailures.failedWithOutput(context, what, lines);
        } catch (UpstreamException e) {
            return StepOutcome.failed(what + "; its release output could not be read: "
                    + dev.lifeboat.config.Redact.text(e.getMessage()));
        }
    }
}
