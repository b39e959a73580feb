package dev.lifeboat.site;

import dev.lifeboat.config.Redact;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.probe.ProbeResult;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;
import java.net.URI;
import java.time.Instant;

/**
 * Probes the site ({@code SITE_URL}, or the address Netlify gives) until it answers, for at most the verify
 * timeout: a CDN may serve the old deploy, or an error, for a moment after a publish. Only reads.
 */
final class VerifySite extends NamedStep {
    static final String ID = "verify";
    static final String URL = "url";

    private final SiteParts parts;
    private final SitePlan plan;

    VerifySite(SiteParts parts, SitePlan plan) {
        super(ID, "Check that the site answers",
                parts.timings.verifyTimeout().plus(parts.timings.probeTimeout()).plus(parts.timings.callTimeout()));
        this.parts = parts;
        this.plan = plan;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        URI url;
        try {
            url = parts.configuredSiteUrl().orElseGet(() -> URI.create(parts.netlify().site().liveUrl()));
        } catch (UpstreamException e) {
            return SiteFailures.of(e, "finding " + plan.siteName() + "'s address");
        }
        String shown = Redact.url(url.toString());
        context.record(URL, shown);
        Instant until = context.now().plus(parts.timings.verifyTimeout());
        while (true) {
            ProbeResult result = parts.probe.probe(url, parts.timings.probeTimeout());
            if (result.up()) {
                return StepOutcome.succeeded(shown + " answers: " + result.describe());
            }
            if (!context.now().plus(parts.timings.probeEvery()).isBefore(until)) {
                return StepOutcome.failed("The site does not answer at " + shown + ": " + result.describe()
                        + " (tried for " + Durations.words(parts.timings.verifyTimeout()) + ").");
            }
            context.progress("not answering yet: " + result.describe());
            context.sleep(parts.timings.probeEvery());
        }
    }
}
