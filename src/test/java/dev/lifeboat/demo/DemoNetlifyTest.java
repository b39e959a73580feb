package dev.lifeboat.demo;

import dev.lifeboat.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.lifeboat.http.Failure;
import dev.lifeboat.netlify.Build;
import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.netlify.DeployFollower;
import dev.lifeboat.netlify.DeployHistory;
import dev.lifeboat.netlify.DeployOutcome;
import dev.lifeboat.netlify.DeployState;
import dev.lifeboat.netlify.NetlifyException;
import dev.lifeboat.netlify.NetlifySite;
import dev.lifeboat.netlify.SiteFile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class DemoNetlifyTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-11T09:00:00Z"));
    private final DemoNetlify demo = new DemoNetlify(clock);

    @Test
    void startsWithSevenReadyDeploysTheNewestPublished() {
        List<Deploy> deploys = demo.deploys(20);
        DeployHistory history = demo.history(20);

        assertEquals(7, deploys.size());
        assertEquals("lifeboat-demo-site", demo.site().name());
        assertEquals("https://lifeboat-demo-site.netlify.app", demo.site().liveUrl());
        assertTrue(deploys.stream().allMatch(Deploy::isReady));
        assertEquals(deploys.get(0).id(), history.published().orElseThrow().id());
        assertEquals(List.of(), history.failedSincePublished());
        assertEquals(deploys.get(1).id(), history.restoreTarget().orElseThrow().id());
        for (int i = 1; i < deploys.size(); i++) {
            assertTrue(deploys.get(i - 1).createdAt().isAfter(deploys.get(i).createdAt()), "newest first");
        }
        assertEquals(3, demo.deploys(3).size());
    }

    @Test
    void aTriggeredBuildGoesEnqueuedThenBuildingThenReadyAndIsPublished() {
        String before = demo.site().publishedDeploy().id();

        Build build = demo.triggerBuild(false);

        assertFalse(build.done());
        assertEquals(DeployState.ENQUEUED, demo.deploy(build.deployId()).state());
        assertEquals(build.deployId(), demo.deploys(1).get(0).id());
        clock.advance(DemoNetlify.ENQUEUED_FOR);
        assertEquals(DeployState.BUILDING, demo.deploy(build.deployId()).state());
        clock.advance(DemoNetlify.BUILDING_FOR.minusMillis(1));
        assertEquals(DeployState.BUILDING, demo.deploy(build.deployId()).state());
        clock.advance(Duration.ofMillis(1));
        Deploy ready = demo.deploy(build.deployId());
        assertEquals(DeployState.READY, ready.state());
        assertEquals(clock.instant(), ready.publishedAt());
        assertEquals(build.deployId(), demo.site().publishedDeploy().id());
        assertNotEquals(before, demo.site().publishedDeploy().id());
    }

    @Test
    void theFollowerSeesADemoBuildThroughToReady() throws InterruptedException {
        DeployFollower follower = new DeployFollower(demo, clock, clock::advance, DeployFollower.DEFAULT_INTERVAL);
        List<DeployState> seen = new ArrayList<>();

        DeployOutcome outcome = follower.follow(demo.triggerBuild(false).deployId(), Duration.ofMinutes(1),
                d -> seen.add(d.state()));

        assertInstanceOf(DeployOutcome.Ready.class, outcome);
        assertEquals(List.of(DeployState.ENQUEUED, DeployState.BUILDING, DeployState.READY), seen);
    }

    @Test
    void failNextBuildFailsOnlyTheNextBuildAndKeepsTheSitePublished() {
        String published = demo.site().publishedDeploy().id();
        demo.failNextBuild();

        Build failing = demo.triggerBuild(false);
        Build next = demo.triggerBuild(true);
        clock.advance(DemoNetlify.ENQUEUED_FOR.plus(DemoNetlify.BUILDING_FOR));

        Deploy failed = demo.deploy(failing.deployId());
        assertEquals(DeployState.ERROR, failed.state());
        assertEquals(DemoNetlify.DEFAULT_BUILD_ERROR, failed.errorMessage());
        assertEquals(DeployState.READY, demo.deploy(next.deployId()).state());
        assertNotEquals(published, demo.site().publishedDeploy().id());
        assertEquals(next.deployId(), demo.site().publishedDeploy().id());
    }

    @Test
    void aFailedBuildLeavesThePublishedDeployAlone() {
        String published = demo.site().publishedDeploy().id();
        demo.failNextBuild("Plugin @netlify/plugin-lighthouse failed");

        Build build = demo.triggerBuild(false);
        clock.advance(Duration.ofMinutes(1));

        assertEquals("Plugin @netlify/plugin-lighthouse failed", demo.deploy(build.deployId()).errorMessage());
        assertEquals(published, demo.site().publishedDeploy().id());
        assertEquals(1, demo.history(20).failedSincePublished().size());
    }

    @Test
    void publishingTheRestoreTargetMakesTheOlderDeployLive() {
        Deploy target = demo.history(20).restoreTarget().orElseThrow();
        List<SiteFile> filesBefore = demo.files();
        clock.advance(Duration.ofMinutes(3));

        Deploy published = demo.publishDeploy(target.id());

        assertEquals(target.id(), published.id());
        assertEquals(clock.instant(), published.publishedAt());
        assertEquals(target.id(), demo.site().publishedDeploy().id());
        assertEquals(target.id(), demo.history(20).published().orElseThrow().id());
        assertNotEquals(filesBefore.get(0).sha(), demo.files().get(0).sha(), "the live files changed");
        assertEquals(filesBefore.get(0).path(), demo.files().get(0).path());
    }

    @Test
    void publishingAFailedDeployIsRefused() {
        demo.failNextBuild();
        Build build = demo.triggerBuild(false);
        clock.advance(Duration.ofMinutes(1));
        Deploy failed = demo.deploy(build.deployId());

        NetlifyException e = assertThrows(NetlifyException.class, () -> demo.publishDeploy(failed.id()));

        assertEquals(Failure.REJECTED, e.failure());
        assertTrue(e.getMessage().contains("Only a deploy in state ready can be published"), e.getMessage());
    }

    @Test
    void anUnknownDeployIsNotFound() {
        NetlifyException e = assertThrows(NetlifyException.class, () -> demo.deploy("0123456789abcdef01234567"));

        assertEquals(Failure.NOT_FOUND, e.failure());
        assertTrue(e.getMessage().startsWith("Netlify has no deploy 0123456789abcdef01234567 on site "
                + DemoNetlify.SITE_ID), e.getMessage());
    }

    @Test
    void anOutageFailsEveryCallUntilItEnds() {
        demo.startOutage(Failure.SERVER_ERROR);

        NetlifyException e = assertThrows(NetlifyException.class, demo::site);
        assertEquals(Failure.SERVER_ERROR, e.failure());
        assertEquals(503, e.status());
        assertThrows(NetlifyException.class, () -> demo.triggerBuild(false));

        demo.endOutage();
        assertEquals(DemoNetlify.SITE_ID, demo.site().id());
        assertEquals(7, demo.deploys(20).size(), "the refused build was not created");
    }

    @Test
    void concurrentBuildsEachGetTheirOwnDeploy() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Build>> builds = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                builds.add(pool.submit(() -> demo.triggerBuild(false)));
            }
            Set<String> ids = new HashSet<>();
            for (Future<Build> build : builds) {
                ids.add(build.get(10, TimeUnit.SECONDS).deployId());
            }
            assertEquals(20, ids.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(27, demo.deploys(100).size());
    }

    @Test
    void theDemoModuleBindsTheSiteToOneDemoInstance() {
        Injector injector = Guice.createInjector(new DemoNetlifyModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(Clock.class).toInstance(clock);
            }
        });

        NetlifySite site = injector.getInstance(NetlifySite.class);

        assertSame(injector.getInstance(DemoNetlify.class), site);
        assertEquals(DemoNetlify.SITE_NAME, site.site().name());
    }
}
