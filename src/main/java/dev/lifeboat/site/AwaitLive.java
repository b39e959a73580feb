package dev.lifeboat.site;

import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the site until the deploy is its published one, for at most the live timeout. Only reads. Which deploy
 * comes from the run: the one a restore publishes, or the one a rebuild's build step recorded.
 */
final class AwaitLive extends NamedStep {
    static final String ID = "live";

    private final SiteParts parts;
    private final SitePlan plan;
    private final Function<StepContext, Optional<String>> deployId;
    private final String whyNotLive;

    /**
     * @param whyNotLive what to say when the deploy does not go live in time (a rebuild's ready deploy may wait on
     *                   a locked auto-publishing)
     */
    AwaitLive(SiteParts parts, SitePlan plan, String title, Function<StepContext, Optional<String>> deployId,
              String whyNotLive) {
        super(ID, title, parts.timings.liveTimeout().plus(parts.timings.callTimeout()));
        this.parts = parts;
        this.plan = plan;
        this.deployId = deployId;
        this.whyNotLive = whyNotLive;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        Optional<String> wanted = deployId.apply(context);
        if (wanted.isEmpty()) {
            return StepOutcome.failed("No deploy to wait for (the earlier step recorded none).");
        }
        Instant until = context.now().plus(parts.timings.liveTimeout());
        while (true) {
            Deploy live;
            try {
                live = parts.netlify().site().publishedDeploy();
            } catch (UpstreamException e) {
                return SiteFailures.of(e, "reading which deploy " + plan.siteName() + " serves");
            }
            if (live != null && wanted.get().equals(live.id())) {
                return StepOutcome.succeeded(wanted.get() + " is live on " + plan.siteName());
            }
            String serving = live == null || live.id() == null ? "nothing published" : live.id() + " still live";
            if (!context.now().plus(parts.timings.poll()).isBefore(until)) {
                return StepOutcome.failed(wanted.get() + " is not live after "
                        + Durations.words(parts.timings.liveTimeout()) + " (" + serving + ")." + whyNotLive);
            }
            context.progress("waiting: " + serving);
            context.sleep(parts.timings.poll());
        }
    }
}
