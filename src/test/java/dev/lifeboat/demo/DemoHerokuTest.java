package dev.lifeboat.demo;

import dev.lifeboat.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.config.HerokuSettings;
import dev.lifeboat.config.Secret;
import dev.lifeboat.heroku.Dyno;
import dev.lifeboat.heroku.DynoState;
import dev.lifeboat.heroku.HerokuException;
import dev.lifeboat.heroku.LogLines;
import dev.lifeboat.heroku.LogRequest;
import dev.lifeboat.heroku.Release;
import dev.lifeboat.http.Failure;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The simulated Heroku moves plausibly with its clock and lets people practise outages. */
class DemoHerokuTest {
    private static final String APP = "lifeboat-demo";
    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-15T07:00:00Z"));
    private final DemoHeroku heroku = new DemoHeroku(clock);

    private List<DynoState> states() {
        return heroku.dynos(APP).stream().map(Dyno::state).toList();
    }

    @Test
    void theDemoAppHasWebAndWorkerDynosAndEightReleases() {
        assertEquals(List.of("web.1", "web.2", "worker.1"), heroku.dynos(APP).stream().map(Dyno::name).toList());
        assertEquals(List.of(DynoState.UP, DynoState.UP, DynoState.UP), states());
        List<Release> releases = heroku.releases(APP, 100);
        assertEquals(8, releases.size());
        assertEquals(8, releases.get(0).version());
        assertTrue(releases.get(0).current());
        assertEquals("bob@lifeboat.demo", releases.get(0).userEmail());
        assertEquals(1, releases.stream().filter(Release::current).count());
        assertEquals(2, heroku.formation(APP).get(0).quantity());
    }

    @Test
    void aRollbackCreatesANewCurrentRelease() {
        Release target = heroku.defaultRollbackTarget(APP).orElseThrow();
        assertEquals(7, target.version());
        clock.advance(Duration.ofMinutes(1));

        Release created = heroku.rollback(APP, target.id());

        assertEquals(9, created.version());
        assertEquals("Rollback to v7", created.description());
        assertEquals(clock.instant(), created.createdAt());
        assertEquals(created, heroku.currentRelease(APP));
        assertEquals(9, heroku.releases(APP, 20).size());
        assertFalse(heroku.releases(APP, 20).get(1).current());
        assertEquals(List.of(DynoState.STARTING, DynoState.STARTING, DynoState.STARTING), states());
    }

    @Test
    void rollingBackToAnUnknownReleaseIsNotFound() {
        HerokuException e = assertThrows(HerokuException.class,
                () -> heroku.rollback(APP, "00000000-0000-0000-0000-000000000000"));
        assertEquals(Failure.NOT_FOUND, e.failure());
    }

    @Test
    void aRestartLeavesDynosStartingBriefly() {
        heroku.restartAllDynos(APP);
        assertEquals(List.of(DynoState.STARTING, DynoState.STARTING, DynoState.STARTING), states());

        clock.advance(DemoHeroku.RESTART_TIME);

        assertEquals(List.of(DynoState.UP, DynoState.UP, DynoState.UP), states());
    }

    @Test
    void restartingOneProcessTypeLeavesTheOthersUp() {
        heroku.restartProcessType(APP, "worker");
        assertEquals(List.of(DynoState.UP, DynoState.UP, DynoState.STARTING), states());

        heroku.restartDyno(APP, "web.2");
        assertEquals(List.of(DynoState.UP, DynoState.STARTING, DynoState.STARTING), states());

        assertThrows(HerokuException.class, () -> heroku.restartDyno(APP, "web.9"));
        assertThrows(HerokuException.class, () -> heroku.restartProcessType(APP, "clock"));
    }

    @Test
    void crashedDynosStayCrashedThroughARestartButNotThroughARollback() {
        heroku.crashDynos("web");
        assertEquals(List.of(DynoState.CRASHED, DynoState.CRASHED, DynoState.UP), states());

        heroku.restartProcessType(APP, "web");
        clock.advance(DemoHeroku.RESTART_TIME);
        assertEquals(List.of(DynoState.CRASHED, DynoState.CRASHED, DynoState.UP), states());

        heroku.rollback(APP, heroku.defaultRollbackTarget(APP).orElseThrow().id());
        clock.advance(DemoHeroku.RESTART_TIME);
        assertEquals(List.of(DynoState.UP, DynoState.UP, DynoState.UP), states());
    }

    @Test
    void healingEndsACrash() {
        heroku.crashDynos("worker");
        heroku.healDynos();
        clock.advance(DemoHeroku.RESTART_TIME);

        assertEquals(List.of(DynoState.UP, DynoState.UP, DynoState.UP), states());
    }

    @Test
    void maintenanceToggles() {
        assertTrue(heroku.setMaintenance(APP, true).maintenance());
        assertTrue(heroku.app(APP).maintenance());
        assertFalse(heroku.setMaintenance(APP, false).maintenance());
    }

    @Test
    void logsShowWhatHappened() {
        heroku.crashDynos("web");

        LogLines logs = heroku.recentLogs(APP, LogRequest.dyno("web.2", 20), Duration.ofSeconds(5));

        assertEquals(LogLines.End.COMPLETE, logs.end());
        assertTrue(logs.lines().stream().allMatch(line -> line.contains("web.2")), logs.lines().toString());
        assertTrue(logs.lines().stream().anyMatch(line -> line.contains("State changed from up to crashed")),
                logs.lines().toString());
    }

    @Test
    void configVarsHideTheirValues() {
        String shown = heroku.configVars(APP).toString();
        assertTrue(shown.contains("DATABASE_URL"), shown);
        assertFalse(shown.contains("demo-password"), shown);
    }

    @Test
    void theConfiguredAppsAreSimulatedByNameOrId() {
        HerokuSettings settings = new HerokuSettings(Optional.of(new Secret("x")), Optional.of("acme-prod"),
                Optional.of("acme-staging"), URI.create("https://api.heroku.com"), URI.create("https://api.data.heroku.com"),
                URI.create("https://status.heroku.com"), Optional.empty(), "/");
        DemoHeroku configured = new DemoHeroku(clock, settings);

        String id = configured.app("acme-prod").id();
        assertEquals("acme-prod", configured.app(id).name());
        assertEquals("acme-staging", configured.app("acme-staging").name());
        HerokuException e = assertThrows(HerokuException.class, () -> configured.app("lifeboat-demo"));
        assertEquals(Failure.NOT_FOUND, e.failure());
        assertEquals(configured.postgresAddon("acme-prod").orElseThrow(), configured.resolveDatabase("acme-prod"));
    }

    @Test
    void aSimulatedOutageFailsEveryCallUntilItEnds() {
        heroku.simulateApiOutage(Failure.SERVER_ERROR);
        HerokuException e = assertThrows(HerokuException.class, () -> heroku.dynos(APP));
        assertEquals(Failure.SERVER_ERROR, e.failure());
        assertEquals(503, e.status());

        heroku.endApiOutage();
        assertEquals(3, heroku.dynos(APP).size());
    }

    @Test
    void concurrentRollbacksEachCreateTheirOwnRelease() throws Exception {
        String target = heroku.defaultRollbackTarget(APP).orElseThrow().id();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Release>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> heroku.rollback(APP, target)));
            }
            Set<Integer> versions = new HashSet<>();
            for (Future<Release> result : results) {
                versions.add(result.get().version());
            }
            assertEquals(8, versions.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(16, heroku.currentRelease(APP).version());
        assertEquals(1, heroku.releases(APP, 100).stream().filter(Release::current).count());
    }
}
