package dev.lifeboat.site;

import dev.lifeboat.config.Redact;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.netlify.DeployFollower;
import dev.lifeboat.netlify.DeployOutcome;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Follows the build's deploy to {@code ready} or {@code error}, showing Netlify's state as it changes. A build
 * that ends in error stops the run with Netlify's error message and the deploy's page, where its build log is.
 * Cancelled while waiting, the build goes on at Netlify (the closing line says so).
 */
final class AwaitBuild extends NamedStep {
    static final String ID = "wait";
    static final String ERROR = "error";
    static final String LOG = "log";
    static final String STATE = "state";

    private final SiteParts parts;
    private final SitePlan plan;

    AwaitBuild(SiteParts parts, SitePlan plan) {
        super(ID, "Wait for Netlify's build", parts.timings.buildTimeout().plus(parts.timings.callTimeout()));
        this.parts = parts;
        this.plan = plan;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        Optional<String> deployId = context.recordedBy(StartBuild.ID, StartBuild.DEPLOY);
        if (deployId.isEmpty()) {
            return StepOutcome.failed("No build was started (the previous step recorded none).");
        }
        Instant started = context.now();
        DeployFollower follower = new DeployFollower(parts.netlify(), clockOf(context), context::sleep,
                parts.timings.poll());
        DeployOutcome outcome;
        try {
            outcome = follower.follow(deployId.get(), parts.timings.buildTimeout(),
                    d -> context.progress("Netlify: " + d.state().json()));
        } catch (UpstreamException e) {
            return SiteFailures.of(e, "following deploy " + deployId.get());
        }
        Deploy deploy = outcome.deploy();
        context.record(STATE, deploy.state().json());
        String log = DeployText.logUrl(plan.siteName(), deploy);
        if (outcome instanceof DeployOutcome.Ready) {
            return StepOutcome.succeeded(deploy.id() + " is ready " + DeployText.brief(deploy) + ", after "
                    + Durations.words(Duration.between(started, context.now())) + " of waiting");
        }
        context.record(LOG, log);
        if (outcome instanceof DeployOutcome.Failed failed) {
            String reason = Redact.text(failed.reason());
            context.record(ERROR, reason);
            return StepOutcome.failed("Netlify's build ended in " + deploy.state().json() + ": " + sentence(reason)
                    + " Build log: " + log);
        }
        return StepOutcome.failed(Redact.text(outcome.summary()) + " Build log: " + log);
    }

    /** Ends with a full stop. */
    static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    /** The run's clock as a {@link Clock}, so the follower's deadline agrees with the step's. */
    private static Clock clockOf(StepContext context) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return context.now();
            }
        };
    }
}
