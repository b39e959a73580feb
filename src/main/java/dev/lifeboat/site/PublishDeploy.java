package dev.lifeboat.site;

import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.netlify.NetlifySite;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;

/**
 * Asks Netlify to publish the chosen deploy (its "restore": one POST). The moment of asking is recorded before the
 * call and the publication after it. Run again (a retry, or a resume after a crash), a recorded publication is not
 * asked for again, and an earlier attempt whose answer was lost is found by reading the site: when the deploy is
 * already live, nothing is posted. Publishing one deploy twice would change nothing at Netlify anyway.
 */
final class PublishDeploy extends NamedStep {
    static final String ID = "publish";
    static final String ASKED_AT = "asked-at";
    static final String PUBLISHED = "published";

    private final SiteParts parts;
    private final SitePlan plan;
    private final String deployId;

    PublishDeploy(SiteParts parts, SitePlan plan) {
        super(ID, "Publish deploy " + plan.deploy().orElseThrow() + " " + plan.deployText().orElse(""),
                parts.timings.callTimeout());
        this.parts = parts;
        this.plan = plan;
        this.deployId = plan.deploy().orElseThrow();
    }

    @Override
    public StepOutcome run(StepContext context) {
        if (context.recorded(PUBLISHED).isPresent()) {
            return StepOutcome.succeeded("Netlify published " + deployId);
        }
        try {
            NetlifySite site = parts.netlify();
            if (context.recorded(ASKED_AT).isPresent()) {
                Deploy live = site.site().publishedDeploy();
                if (live != null && deployId.equals(live.id())) {
                    context.record(PUBLISHED, context.now().toString());
                    return StepOutcome.succeeded("Netlify published " + deployId + " (asked once; it is live)");
                }
            }
            context.record(ASKED_AT, context.now().toString());
            Deploy published = site.publishDeploy(deployId);
            context.record(PUBLISHED, context.now().toString());
            return StepOutcome.succeeded("Netlify published " + published.id());
        } catch (UpstreamException e) {
            return SiteFailures.of(e, "publishing deploy " + deployId + " of " + plan.siteName());
        }
    }
}
