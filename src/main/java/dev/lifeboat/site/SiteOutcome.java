package dev.lifeboat.site;

import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.StepRecord;
import dev.lifeboat.runbook.StepState;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * The closing lines of site runs: on success what is live and how long it took; on a failure or a cancel, what the
 * site serves now and the sensible next action. Pure: everything comes from the run's steps and parameters.
 */
final class SiteOutcome {
    private final Run run;
    private final SitePlan plan;

    SiteOutcome(Run run) {
        this.run = run;
        this.plan = SitePlan.from(run.params());
    }

    // ---- site restore ----

    String restoreSucceeded() {
        String deploy = plan.deploy().orElseThrow();
        return "Deploy " + deploy + " " + plan.deployText().orElse("") + " is live on " + plan.siteName()
                + answers() + " Done in " + took() + "." + goBack(deploy);
    }

    String restoreFailed(StepRecord where) {
        String deploy = plan.deploy().orElseThrow();
        String again = "`/dr site restore " + deploy + "`";
        boolean asked = record(PublishDeploy.ID, PublishDeploy.ASKED_AT).isPresent();
        if (state(PublishDeploy.ID) != StepState.SUCCEEDED) {
            String left = asked
                    ? "Netlify may have published " + deploy + " even so (its answer was lost): `/dr status` shows which"
                            + " deploy is live."
                    : "Nothing was published: " + plan.siteName() + " still serves " + liveBefore() + ".";
            return left + " Next: see why above, then try again with " + again + ".";
        }
        if (state(AwaitLive.ID) != StepState.SUCCEEDED) {
            return "Netlify took the publish of " + deploy + ", but the site did not show it live"
                    + (where.state() == StepState.CANCELLED ? " before the cancel" : " in time")
                    + ". Next: `/dr status` shows which deploy is live" + backTo() + ".";
        }
        return deploy + " is live, but the site does not answer" + at() + ". Next: `/dr status` shows why" + backTo()
                + ".";
    }

    // ---- site rebuild ----

    String rebuildSucceeded() {
        String deploy = record(StartBuild.ID, StartBuild.DEPLOY).orElse("(unknown)");
        return "Rebuilt " + plan.siteName() + " from " + plan.branchWords() + ": deploy " + deploy + " is live"
                + answers() + " Done in " + took() + "." + goBack(deploy);
    }

    String rebuildFailed(StepRecord where) {
        Optional<String> deploy = record(StartBuild.ID, StartBuild.DEPLOY);
        boolean cancelled = where.state() == StepState.CANCELLED;
        if (deploy.isEmpty()) {
            boolean asked = record(StartBuild.ID, StartBuild.ASKED_AT).isPresent();
            String left = asked
                    ? "Netlify may have started a build even so (its answer was lost): `/dr status` shows the newest"
                            + " deploys."
                    : "No build was started: " + plan.siteName() + " still serves " + liveBefore() + ".";
            return left + " Next: see why above, then `/dr site rebuild` again.";
        }
        String id = deploy.get();
        String log = record(AwaitBuild.ID, AwaitBuild.LOG).orElse("https://app.netlify.com/sites/" + plan.siteName()
                + "/deploys/" + id);
        if (state(AwaitBuild.ID) != StepState.SUCCEEDED) {
            Optional<String> error = record(AwaitBuild.ID, AwaitBuild.ERROR);
            if (error.isPresent()) {
                String state = record(AwaitBuild.ID, AwaitBuild.STATE).orElse("error");
                return "Netlify's build (deploy " + id + ") ended in " + state + ": " + AwaitBuild.sentence(error.get())
                        + "\nBuild log: " + log + "\n" + plan.siteName() + " still serves " + liveBefore()
                        + ": a failed build is never published. Next: fix what the build log shows and run `/dr site"
                        + " rebuild` again, or `/dr site restore` to publish an earlier deploy.";
            }
            return (cancelled ? "Lifeboat stopped following" : "Lifeboat could not see the end of") + " deploy " + id
                    + ": Netlify goes on building it and publishes it if it succeeds (watch it, or stop it, at " + log
                    + "). Until then " + plan.siteName() + " serves " + liveBefore() + ". Next: `/dr status` shows"
                    + " which deploy is live.";
        }
        if (state(AwaitLive.ID) != StepState.SUCCEEDED) {
            return "Deploy " + id + " was built (ready) but did not go live" + (cancelled ? " before the cancel" : "")
                    + ": Netlify may have auto publishing locked. Next: publish it with `/dr site restore " + id
                    + "`, or see " + log + ".";
        }
        return "Deploy " + id + " is live, but the site does not answer" + at() + ". Next: `/dr status` shows why"
                + backTo() + ".";
    }

    // ---- shared ----

    private String answers() {
        return run.step(VerifySite.ID).filter(s -> s.state() == StepState.SUCCEEDED)
                .map(s -> " and the site answers (" + s.detail() + ").").orElse(".");
    }

    private String at() {
        return record(VerifySite.ID, VerifySite.URL).map(url -> " at " + url).orElse("");
    }

    private String liveBefore() {
        return plan.liveBefore().orElse("what it served before");
    }

    private String goBack(String nowLive) {
        return plan.liveBefore().filter(before -> !before.equals(nowLive))
                .map(before -> " To go back: `/dr site restore " + before + "`.").orElse("");
    }

    private String backTo() {
        return plan.liveBefore().map(before -> "; `/dr site restore " + before + "` puts back the deploy that was live")
                .orElse("");
    }

    private String took() {
        Instant start = run.startedAt().orElse(run.createdAt());
        Instant end = run.steps().stream().map(StepRecord::finishedAt).flatMap(Optional::stream)
                .max(Comparator.naturalOrder()).orElse(start);
        return Durations.words(Duration.between(start, end));
    }

    private StepState state(String stepId) {
        return run.step(stepId).map(StepRecord::state).orElse(StepState.PENDING);
    }

    private Optional<String> record(String stepId, String key) {
        return run.step(stepId).map(s -> s.records().get(key));
    }
}
