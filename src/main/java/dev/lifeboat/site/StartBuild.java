package dev.lifeboat.site;

import dev.lifeboat.config.Redact;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.netlify.Build;
import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.netlify.NetlifySite;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Asks Netlify for a production build of the site's branch (one POST), and records the build's deploy at once.
 * The moment of asking is recorded before the call: run again after an answer was lost, the step finds the deploy
 * that call created in the deploy list instead of starting a second build.
 */
final class StartBuild extends NamedStep {
    static final String ID = "build";
    static final String ASKED_AT = "asked-at";
    static final String BUILD = "build";
    static final String DEPLOY = "deploy";
    /** Netlify's clock and ours may differ this much when matching a deploy to the moment we asked for it. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    /** How far down the deploy list a lost build is looked for. */
    static final int LOOK_BACK = 20;

    private final SiteParts parts;
    private final SitePlan plan;

    StartBuild(SiteParts parts, SitePlan plan) {
        super(ID, "Start a build of " + plan.siteName() + " from " + plan.branchWords(), parts.timings.callTimeout());
        this.parts = parts;
        this.plan = plan;
    }

    @Override
    public StepOutcome run(StepContext context) {
        Optional<String> recorded = context.recorded(DEPLOY);
        if (recorded.isPresent()) {
            return StepOutcome.succeeded("Netlify is building deploy " + recorded.get());
        }
        try {
            NetlifySite site = parts.netlify();
            Optional<Instant> asked = context.recorded(ASKED_AT).map(Instant::parse);
            if (asked.isPresent()) {
                Optional<Deploy> earlier = startedSince(site, asked.get());
                if (earlier.isPresent()) {
                    context.record(DEPLOY, earlier.get().id());
                    return StepOutcome.succeeded("Netlify is building deploy " + earlier.get().id()
                            + " (asked once; found in the deploy list)");
                }
            }
            context.record(ASKED_AT, context.now().toString());
            Build build = site.triggerBuild(false);
            if (build.deployId() == null || build.deployId().isBlank()) {
                return StepOutcome.failed("Netlify took the build but named no deploy to follow"
                        + (build.error() == null ? "." : ": " + Redact.text(build.error())));
            }
            if (build.id() != null) {
                context.record(BUILD, build.id());
            }
            context.record(DEPLOY, build.deployId());
            return StepOutcome.succeeded("Netlify queued the build (deploy " + build.deployId() + ")");
        } catch (UpstreamException e) {
            return SiteFailures.of(e, "triggering a build of " + plan.siteName());
        }
    }

    /** The oldest production deploy created since {@code askedAt} (less the clock skew), other than the live one. */
    private Optional<Deploy> startedSince(NetlifySite site, Instant askedAt) {
        Instant since = askedAt.minus(CLOCK_SKEW);
        return site.deploys(LOOK_BACK).stream()
                .filter(Deploy::isProduction)
                .filter(d -> d.createdAt() != null && !d.createdAt().isBefore(since))
                .filter(d -> plan.liveBefore().map(live -> !live.equals(d.id())).orElse(true))
                .min(Comparator.comparing(Deploy::createdAt));
    }
}
