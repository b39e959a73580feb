package dev.lifeboat.site;

import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepRecord;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** {@code site restore}: publish an earlier deploy → wait until it is live → check that the site answers. */
final class SiteRestoreRunbook implements Runbook {
    static final String NAME = "site-restore";

    private final SiteParts parts;

    @Inject
    SiteRestoreRunbook(SiteParts parts) {
        this.parts = parts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Step> steps(RunParams params) {
        SitePlan plan = SitePlan.from(params);
        String deploy = plan.deploy().orElseThrow();
        return List.of(
                new PublishDeploy(parts, plan),
                new AwaitLive(parts, plan, "Wait until " + deploy + " is live", context -> Optional.of(deploy), ""),
                new VerifySite(parts, plan));
    }

    @Override
    public String afterSuccess(Run run) {
        return new SiteOutcome(run).restoreSucceeded();
    }

    @Override
    public String afterFailure(Run run, StepRecord failed) {
        return new SiteOutcome(run).restoreFailed(failed);
    }
}
