package dev.lifeboat.redeploy;

import dev.lifeboat.github.Commit;
import dev.lifeboat.http.Failure;
import dev.lifeboat.http.UpstreamException;
import dev.lifeboat.runbook.NamedStep;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepOutcome;

/** The commit shown on the card is still at GitHub (what is built is that sha, whatever its branch says now). Reads. */
final class CheckCommit extends NamedStep {
    static final String ID = "source";

    private final RedeployParts parts;
    private final RedeployPlan plan;

    CheckCommit(RedeployParts parts, RedeployPlan plan) {
        super(ID, "Check commit " + plan.shortSha() + " at GitHub (" + plan.repo() + ")", parts.timings.callTimeout());
        this.parts = parts;
        this.plan = plan;
    }

    @Override
    public StepOutcome run(StepContext context) {
        try {
            Commit commit = parts.github().commit(plan.sha());
            return StepOutcome.succeeded(commit.shortSha() + " — " + commit.subject() + " (" + commit.authorName() + ")");
        } catch (UpstreamException e) {
            if (e.failure() == Failure.NOT_FOUND) {
                return StepOutcome.failed("GitHub no longer has commit " + plan.shortSha() + " in " + plan.repo()
                        + " (a force-push may have removed it).");
            }
            return StepFailures.of(e, "reading commit " + plan.shortSha() + " at GitHub");
        }
    }
}
