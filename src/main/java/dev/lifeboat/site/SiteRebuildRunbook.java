package dev.lifeboat.site;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepRecord;
import jakarta.inject.Inject;
import java.util.List;

/**
 * {@code site rebuild}: start a production build (once) → follow it to ready or error → wait until it is live →
 * check that the site answers.
 */
final class SiteRebuildRunbook implements Runbook {
    static final String NAME = "site-rebuild";

    private final SiteParts parts;

    @Inject
    SiteRebuildRunbook(SiteParts parts) {
        this.parts = parts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Step> steps(RunParams params) {
        SitePlan plan = SitePlan.from(params);
        return List.of(
                new StartBuild(parts, plan),
                new AwaitBuild(parts, plan),
                new AwaitLive(parts, plan, "Wait until the new deploy is live",
                        context -> context.recordedBy(StartBuild.ID, StartBuild.DEPLOY),
                        " Netlify may have auto publishing locked for the site: publish the deploy with"
                                + " `/dr site restore DEPLOY`."),
                new VerifySite(parts, plan));
    }

    @Override
    public String afterSuccess(Run run) {
        return new SiteOutcome(run).rebuildSucceeded();
    }

    @Override
    public String afterFailure(Run run, StepRecord failed) {
        return new SiteOutcome(run).rebuildFailed(failed);
    }
}
