package dev.lifeboat.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.demo.DemoNetlify;
import dev.lifeboat.http.Failure;
import dev.lifeboat.netlify.Build;
import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.netlify.NetlifyException;
import dev.lifeboat.netlify.NetlifySite;
import dev.lifeboat.netlify.Site;
import dev.lifeboat.netlify.SiteFile;
import dev.lifeboat.probe.ProbeResult;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.StepOutcome;
import dev.lifeboat.status.StatusTargets;
import dev.lifeboat.testing.FakeStepContext;
import dev.lifeboat.testing.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The site steps against the simulated Netlify, counting what they ask of it: a step run again (a retry, or a resume
 * after a crash) never publishes or builds a second time, also when the first call's answer was lost.
 */
class SiteStepsTest {
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T09:00:00Z"));
    final DemoNetlify demo = new DemoNetlify(clock);
    final CountingNetlify netlify = new CountingNetlify(demo);
    final List<URI> probed = new ArrayList<>();
    final SiteParts parts = new SiteParts(Optional.of(netlify), (url, timeout) -> {
        probed.add(url);
        return new ProbeResult(url, ProbeResult.Outcome.UP, Optional.of(200), Duration.ofMillis(40), 0, url, "");
    }, SiteTimings.DEFAULT, new StatusTargets(Optional.empty(), Optional.empty(), Optional.empty(), ""));

    /** Calls {@link DemoNetlify}, counting the changing ones; {@link #loseNextAnswer} drops one answer after the work. */
    static final class CountingNetlify implements NetlifySite {
        final NetlifySite real;
        final List<String> posts = new ArrayList<>();
        boolean loseNextAnswer;

        CountingNetlify(NetlifySite real) {
            this.real = real;
        }

        @Override
        public Site site() {
            return real.site();
        }

        @Override
        public List<Deploy> deploys(int perPage) {
            return real.deploys(perPage);
        }

        @Override
        public Deploy deploy(String deployId) {
            return real.deploy(deployId);
        }

        @Override
        public Deploy publishDeploy(String deployId) {
            posts.add("restore " + deployId);
            return lost(real.publishDeploy(deployId));
        }

        @Override
        public Build triggerBuild(boolean clearCache) {
            posts.add("build");
            return lost(real.triggerBuild(clearCache));
        }

        @Override
        public List<SiteFile> files() {
            return real.files();
        }

        private <T> T lost(T answer) {
            if (loseNextAnswer) {
                loseNextAnswer = false;
                throw new NetlifyException(Failure.TIMEOUT, 0, null, "Netlify did not answer in time (simulated).");
            }
            return answer;
        }
    }

    SitePlan restorePlan(String deploy) {
        return new SitePlan(DemoNetlify.SITE_ID, DemoNetlify.SITE_NAME, Optional.of(deploy), Optional.of("“x” (commit y)"),
                Optional.empty(), Optional.of(demo.site().publishedDeploy().id()));
    }

    SitePlan rebuildPlan() {
        return new SitePlan(DemoNetlify.SITE_ID, DemoNetlify.SITE_NAME, Optional.empty(), Optional.empty(),
                Optional.of("main"), Optional.of(demo.site().publishedDeploy().id()));
    }

    FakeStepContext context(SitePlan plan) {
        return new FakeStepContext("r-site22", clock, RunParams.of(plan.toParams()));
    }

    @Test
    void aPublishRunAgainAfterItsAnswerWasLostDoesNotPostAgain() {
        String previous = demo.deploys(5).get(1).id();
        SitePlan plan = restorePlan(previous);
        PublishDeploy step = new PublishDeploy(parts, plan);
        FakeStepContext context = context(plan).as(PublishDeploy.ID);
        netlify.loseNextAnswer = true;

        StepOutcome first = step.run(context);
        StepOutcome second = step.run(context);
        StepOutcome third = step.run(context);

        assertInstanceOf(StepOutcome.Failed.class, first);
        assertTrue(((StepOutcome.Failed) first).retryable(), "a timeout is tried again");
        assertEquals(new StepOutcome.Succeeded("Netlify published " + previous + " (asked once; it is live)"), second);
        assertEquals(new StepOutcome.Succeeded("Netlify published " + previous), third);
        assertEquals(List.of("restore " + previous), netlify.posts);
    }

    @Test
    void aBuildRunAgainFindsTheRecordedDeployOrTheOneItsLostAnswerStarted() {
        SitePlan plan = rebuildPlan();
        StartBuild step = new StartBuild(parts, plan);
        FakeStepContext context = context(plan).as(StartBuild.ID);
        netlify.loseNextAnswer = true;

        StepOutcome lost = step.run(context);
        clock.advance(Duration.ofSeconds(3));
        StepOutcome found = step.run(context);
        StepOutcome recorded = step.run(context);

        String built = demo.deploys(1).get(0).id();
        assertInstanceOf(StepOutcome.Failed.class, lost);
        assertEquals(new StepOutcome.Succeeded("Netlify is building deploy " + built
                + " (asked once; found in the deploy list)"), found);
        assertEquals(new StepOutcome.Succeeded("Netlify is building deploy " + built), recorded);
        assertEquals(List.of("build"), netlify.posts, "one build at Netlify");
    }

    @Test
    void aBuildFollowedToReadyGoesLiveAndTheSiteIsProbed() throws InterruptedException {
        SitePlan plan = rebuildPlan();
        FakeStepContext context = context(plan);
        new StartBuild(parts, plan).run(context.as(StartBuild.ID));

        StepOutcome waited = new AwaitBuild(parts, plan).run(context.as(AwaitBuild.ID));
        StepOutcome live = new AwaitLive(parts, plan, "live", c -> c.recordedBy(StartBuild.ID, StartBuild.DEPLOY), "")
                .run(context.as(AwaitLive.ID));
        StepOutcome verified = new VerifySite(parts, plan).run(context.as(VerifySite.ID));

        String built = context.records.get(StartBuild.ID).get(StartBuild.DEPLOY);
        assertInstanceOf(StepOutcome.Succeeded.class, waited, waited.toString());
        assertEquals(List.of("Netlify: enqueued", "Netlify: building", "Netlify: ready"), context.progress);
        assertEquals(new StepOutcome.Succeeded(built + " is live on " + DemoNetlify.SITE_NAME), live);
        assertInstanceOf(StepOutcome.Succeeded.class, verified);
        assertEquals(List.of(URI.create("https://" + DemoNetlify.SITE_NAME + ".netlify.app")), probed,
                "without SITE_URL, the address Netlify gives is probed");
    }

    @Test
    void aBuildEndingInErrorFailsWithNetlifysMessageAndTheLogLink() throws InterruptedException {
        demo.failNextBuild("Failed during stage 'building site': Build script returned non-zero exit code: 2");
        SitePlan plan = rebuildPlan();
        FakeStepContext context = context(plan);
        new StartBuild(parts, plan).run(context.as(StartBuild.ID));

        StepOutcome waited = new AwaitBuild(parts, plan).run(context.as(AwaitBuild.ID));

        String built = context.records.get(StartBuild.ID).get(StartBuild.DEPLOY);
        String log = "https://app.netlify.com/sites/" + DemoNetlify.SITE_NAME + "/deploys/" + built;
        assertEquals(StepOutcome.failed("Netlify's build ended in error: Failed during stage 'building site': Build"
                + " script returned non-zero exit code: 2. Build log: " + log), waited);
        assertEquals(log, context.records.get(AwaitBuild.ID).get(AwaitBuild.LOG));
    }

    @Test
    void aDeployThatDoesNotGoLiveFailsAtTheTimeoutNamingWhatIsLive() throws InterruptedException {
        String live = demo.site().publishedDeploy().id();
        String other = demo.deploys(5).get(2).id();
        SitePlan plan = restorePlan(other);

        StepOutcome outcome = new AwaitLive(parts, plan, "live", c -> Optional.of(other), " Locked?")
                .run(context(plan).as(AwaitLive.ID));

        assertEquals(StepOutcome.failed(other + " is not live after 3 min (" + live + " still live). Locked?"), outcome);
        assertEquals(List.of(), netlify.posts);
    }
}
