package dev.lifeboat.redeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.config.GitHubSettings;
import dev.lifeboat.demo.DemoGitHub;
import dev.lifeboat.demo.DemoHeroku;
import dev.lifeboat.demo.DemoHerokuBuilds;
import dev.lifeboat.demo.DemoWorld;
import dev.lifeboat.github.Commit;
import dev.lifeboat.github.GitHubRepo;
import dev.lifeboat.heroku.Build;
import dev.lifeboat.heroku.HerokuBuilds;
import dev.lifeboat.heroku.LogLines;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.probe.ProbeResult;
import dev.lifeboat.restore.RestoreTargets;
import dev.lifeboat.runbook.Instance;
import dev.lifeboat.runbook.RetryBackoff;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunEngine;
import dev.lifeboat.runbook.RunIds;
import dev.lifeboat.runbook.RunParams;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.StepState;
import dev.lifeboat.runbook.Waiter;
import dev.lifeboat.testing.DirectExecutorService;
import dev.lifeboat.testing.InMemoryRunStore;
import dev.lifeboat.testing.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A process that dies during a redeploy: the run goes on from its last persisted step when Lifeboat starts again, and
 * follows the build it started; Heroku is never asked for a second build. Through the real engine and an in-memory
 * store, against the simulated GitHub and Heroku behind a fake that counts what was asked and can die on cue.
 */
class RedeployResumeTest {
    static final String APP = DemoWorld.APP_NAME;

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T09:00:00Z"));
    final DemoHeroku heroku = new DemoHeroku(clock);
    final DemoHerokuBuilds demoBuilds = new DemoHerokuBuilds(clock, heroku, new DemoWorld());
    final GitHubRepo github = new DemoGitHub(clock, new GitHubSettings(Optional.empty(), Optional.empty(), "main",
            URI.create("https://api.github.invalid")));
    final List<String> asked = new CopyOnWriteArrayList<>();
    final AtomicBoolean dieAfterCreate = new AtomicBoolean();
    final InMemoryRunStore store = new InMemoryRunStore();

    /** The process dying in the middle of a step. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** Heroku's Build API, counting: createBuild, and dying right after it when told to (its answer lost). */
    final HerokuBuilds builds = new HerokuBuilds() {
        @Override
        public Build createBuild(String app, URI sourceTarball, String version) {
            asked.add("createBuild " + version.substring(0, 7));
            Build build = demoBuilds.createBuild(app, sourceTarball, version);
            if (dieAfterCreate.getAndSet(false)) {
                throw new Crash();
            }
            return build;
        }

        @Override
        public Build build(String app, String buildId) {
            asked.add("build");
            return demoBuilds.build(app, buildId);
        }

        @Override
        public List<Build> builds(String app, int limit) {
            asked.add("builds");
            return demoBuilds.builds(app, limit);
        }

        @Override
        public Release releaseById(String app, String releaseId) {
            return demoBuilds.releaseById(app, releaseId);
        }

        @Override
        public Optional<String> releaseCommit(String app, String releaseId) {
            return demoBuilds.releaseCommit(app, releaseId);
        }

        @Override
        public LogLines outputTail(String url, int lastLines, Duration timeLimit) {
            return demoBuilds.outputTail(url, lastLines, timeLimit);
        }
    };

    RedeployParts parts() {
        return new RedeployParts(Optional.of(heroku), Optional.of(builds), Optional.of(github),
                (url, timeout) -> new ProbeResult(url, ProbeResult.Outcome.UP, Optional.of(200), Duration.ofMillis(50),
                        0, url, ""),
                new RestoreTargets(Optional.of(APP), Optional.empty(),
                        Optional.of(URI.create("https://lifeboat-demo.herokuapp.invalid/up")), ""),
                RedeployTimings.DEFAULT);
    }

    RunEngine engine(Waiter waiter) {
        return new RunEngine(store, Set.of(new RedeployRunbook(parts())), Set.of(), clock, waiter,
                new DirectExecutorService(), new RunIds(), new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(30), 5),
                new Instance("web.1"));
    }

    Run propose(RunEngine engine) {
        Commit commit = github.commit("main");
        RedeployPlan plan = RedeployPlan.of(APP, github.fullName(), "main", commit, Optional.of("v8"));
        return engine.propose(RedeployRunbook.NAME, plan.title(), plan.lockTarget(), RunParams.of(plan.toParams()),
                "U0ALICE");
    }

    Run run(String id) {
        return store.find(id).orElseThrow();
    }

    @Test
    void aCrashWhileWaitingForTheBuildResumesFollowingTheSameBuild() {
        RunEngine first = engine(d -> {
            throw new Crash(); // the first wait of the run is the build's: the process dies there
        });
        Run run = propose(first);
        try {
            first.confirm(run.id(), "U0ALICE");
        } catch (Crash crash) {
            // the store holds the run RUNNING, the build step done with its build id, the wait RUNNING
        }
        Run crashed = run(run.id());
        assertEquals(RunState.RUNNING, crashed.state());
        assertEquals(StepState.SUCCEEDED, crashed.step(StartBuild.ID).orElseThrow().state());
        assertEquals(StepState.RUNNING, crashed.step(AwaitBuild.ID).orElseThrow().state());
        String buildId = crashed.step(StartBuild.ID).orElseThrow().records().get(StartBuild.BUILD);

        List<Run> resumed = engine(clock::advance).resumeUnfinished();

        assertEquals(List.of(run.id()), resumed.stream().map(Run::id).toList());
        Run done = run(run.id());
        assertEquals(RunState.SUCCEEDED, done.state(), done.outcome());
        assertEquals(1, asked.stream().filter(a -> a.startsWith("createBuild")).count(), "one build at Heroku: " + asked);
        assertEquals(buildId, demoBuilds.builds(APP, 10).get(0).id(), "the build followed is the one recorded");
        assertEquals(2, done.step(AwaitBuild.ID).orElseThrow().attempts(), "the wait went on after the restart");
        assertEquals("v9", heroku.currentRelease(APP).label());
        assertTrue(done.outcome().startsWith("Redeployed lifeboat-demo to e57f0b3 (main) as v9 in "), done.outcome());
    }

    @Test
    void aCrashBetweenAskingForTheBuildAndRecordingItFindsThatBuildInsteadOfAskingAgain() {
        dieAfterCreate.set(true);
        RunEngine first = engine(clock::advance);
        Run run = propose(first);
        try {
            first.confirm(run.id(), "U0ALICE");
        } catch (Crash crash) {
            // Heroku took the build, but its answer was lost with the process: only the moment of asking is recorded
        }
        Run crashed = run(run.id());
        assertFalse(crashed.step(StartBuild.ID).orElseThrow().records().containsKey(StartBuild.BUILD));
        assertTrue(crashed.step(StartBuild.ID).orElseThrow().records().containsKey(StartBuild.ASKED_AT));
        clock.advance(Duration.ofSeconds(30));

        engine(clock::advance).resumeUnfinished();

        Run done = run(run.id());
        assertEquals(RunState.SUCCEEDED, done.state(), done.outcome());
        assertEquals(1, asked.stream().filter(a -> a.startsWith("createBuild")).count(), "one build at Heroku: " + asked);
        assertTrue(asked.contains("builds"), "the resumed step looked for the build it had asked for: " + asked);
        assertEquals(demoBuilds.builds(APP, 10).get(0).id(),
                done.step(StartBuild.ID).orElseThrow().records().get(StartBuild.BUILD));
    }
}
