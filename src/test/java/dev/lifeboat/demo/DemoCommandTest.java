package dev.lifeboat.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.command.Actor;
import dev.lifeboat.command.Invocation;
import dev.lifeboat.command.Surface;
import dev.lifeboat.command.UsageException;
import dev.lifeboat.netlify.Build;
import dev.lifeboat.netlify.Deploy;
import dev.lifeboat.netlify.DeployState;
import dev.lifeboat.pgbackups.Transfer;
import dev.lifeboat.pgbackups.TransferStatus;
import dev.lifeboat.reply.TextRenderer;
import dev.lifeboat.testing.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code demo fail restore|backup|site}: the next simulated restore (capture, Netlify build) fails, and only that one. */
class DemoCommandTest {
    static final dev.lifeboat.config.RuntimeSettings SETTINGS = new dev.lifeboat.config.RuntimeSettings(3000,
            java.nio.file.Path.of("unused"), Optional.empty(), Optional.empty(), 60, 3, false, Optional.empty());
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T09:00:00Z"));
    final DemoHeroku heroku = new DemoHeroku(clock);
    final DemoPgBackups backups = new DemoPgBackups(clock);
    final DemoWorld world = new DemoWorld();
    final DemoNetlify netlify = new DemoNetlify(clock);
    final DemoHerokuBuilds builds = new DemoHerokuBuilds(clock, heroku, world);
    final DemoCommand command = new DemoCommand(world, Optional.of(heroku), Optional.of(backups), Optional.of(netlify),
            Optional.of(builds), SETTINGS);
    final String addon = heroku.resolveDatabase(DemoWorld.APP_NAME).id();

    String run(String... args) {
        return TextRenderer.render(command.handle(new Invocation("x", new Actor("console:alice", "alice"),
                Surface.CONSOLE, Optional.empty(), "demo", List.of(args))));
    }

    Transfer finished(Transfer started) {
        clock.advance(Duration.ofMinutes(1));
        return backups.transferWithLogs(DemoWorld.APP_NAME, started.uuid());
    }

    @Test
    void failRestoreMakesTheNextRestoreFailButNotTheSafetyBackupBeforeIt() {
        run("fail", "restore");

        Transfer capture = finished(backups.capture(addon));
        Transfer restore = finished(backups.restore(addon, URI.create("https://dumps.example.com/x.dump")));
        Transfer again = finished(backups.restore(addon, URI.create("https://dumps.example.com/x.dump")));

        assertEquals(TransferStatus.COMPLETED, capture.status());
        assertEquals(TransferStatus.FAILED, restore.status());
        assertEquals(DemoCommand.FAILURE + "\npg_restore exited with status 1", restore.lastLogMessages(2));
        assertEquals(TransferStatus.COMPLETED, again.status(), "only the next one fails");
    }

    @Test
    void failBackupMakesTheNextCaptureFail() {
        run("fail", "backup");

        assertEquals(TransferStatus.FAILED, finished(backups.capture(addon)).status());
        assertEquals(TransferStatus.COMPLETED, finished(backups.capture(addon)).status());
    }

    @Test
    void failBuildMakesTheNextBuildFailWithItsOutput() throws Exception {
        run("fail", "build");
        String sha = "e57f0b3" + "0".repeat(33);
        java.net.URI tarball = URI.create("https://codeload.github.invalid/x/legacy.tar.gz/" + sha);

        dev.lifeboat.heroku.Build failing = builds.createBuild(DemoWorld.APP_NAME, tarball, sha);
        clock.advance(DemoHerokuBuilds.BUILD_TIME);
        dev.lifeboat.heroku.Build failed = builds.build(DemoWorld.APP_NAME, failing.id());
        dev.lifeboat.heroku.Build next = builds.createBuild(DemoWorld.APP_NAME, tarball, sha);
        clock.advance(DemoHerokuBuilds.BUILD_TIME);

        assertEquals(dev.lifeboat.heroku.BuildStatus.FAILED, failed.status());
        assertEquals(List.of(" !     Push rejected, failed to compile Ruby app.", " !     Push failed"),
                builds.outputTail(failed.outputStreamUrl().orElseThrow(), 2, Duration.ofSeconds(1)).lines());
        assertEquals(dev.lifeboat.heroku.BuildStatus.SUCCEEDED, builds.build(DemoWorld.APP_NAME, next.id()).status(),
                "only the next one fails");
    }

    @Test
    void failReleaseMakesTheNextReleasePhaseFailAndKeepsTheReleaseBefore() {
        run("fail", "release");
        String sha = "e57f0b3" + "0".repeat(33);
        int before = heroku.currentRelease(DemoWorld.APP_NAME).version();

        dev.lifeboat.heroku.Build build = builds.createBuild(DemoWorld.APP_NAME,
                URI.create("https://codeload.github.invalid/x/legacy.tar.gz/" + sha), sha);
        clock.advance(DemoHerokuBuilds.BUILD_TIME.plus(DemoHerokuBuilds.RELEASE_PHASE_TIME));
        String releaseId = builds.build(DemoWorld.APP_NAME, build.id()).releaseId().orElseThrow();

        assertEquals(dev.lifeboat.heroku.ReleaseStatus.FAILED, builds.releaseById(DemoWorld.APP_NAME, releaseId).status());
        assertEquals(before, heroku.currentRelease(DemoWorld.APP_NAME).version());
    }

    @Test
    void failNeedsToKnowWhat() {
        assertEquals("Say what to fail: `demo fail restore`, `demo fail backup`, `demo fail copy`, `demo fail site`, "
                + "`demo fail build` or `demo fail release`.", assertThrows(UsageException.class, () -> run("fail")).getMessage());
        assertEquals("`demo fail` takes `restore`, `backup`, `copy`, `site`, `build` or `release`, not `sky`.",
                assertThrows(UsageException.class, () -> run("fail", "sky")).getMessage());
        DemoCommand real = new DemoCommand(new DemoWorld(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), SETTINGS);
        assertEquals("Heroku is real here, not simulated: there is nothing to make fail.",
                TextRenderer.render(real.handle(new Invocation("x", new Actor("console:a", "a"), Surface.CONSOLE,
                        Optional.empty(), "demo fail build", List.of("fail", "build")))));
        assertEquals("Heroku Postgres backups are real here, not simulated: there is nothing to make fail.",
                TextRenderer.render(real.handle(new Invocation("x", new Actor("console:a", "a"), Surface.CONSOLE,
                        Optional.empty(), "demo fail restore", List.of("fail", "restore")))));
        assertEquals("Netlify is real here, not simulated: there is nothing to make fail.",
                TextRenderer.render(real.handle(new Invocation("x", new Actor("console:a", "a"), Surface.CONSOLE,
                        Optional.empty(), "demo fail site", List.of("fail", "site")))));
    }

    @Test
    void failSiteMakesTheNextNetlifyBuildEndInErrorAndOnlyThatOne() {
        assertTrue(run("fail", "site").startsWith("💥 The next Netlify build in the demo world will end in error"));
        String live = netlify.site().publishedDeploy().id();

        Build failing = netlify.triggerBuild(false);
        clock.advance(Duration.ofMinutes(1));
        Deploy failed = netlify.deploy(failing.deployId());
        Build next = netlify.triggerBuild(false);
        clock.advance(Duration.ofMinutes(1));

        assertEquals(DeployState.ERROR, failed.state());
        assertEquals(DemoCommand.SITE_BUILD_FAILURE, failed.errorMessage());
        assertEquals(DeployState.READY, netlify.deploy(next.deployId()).state(), "only the next build fails");
        assertEquals(next.deployId(), netlify.site().publishedDeploy().id());
        assertTrue(!live.equals(failing.deployId()));
    }
}
