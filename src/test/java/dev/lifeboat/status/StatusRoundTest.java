package dev.lifeboat.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.access.Operators;
import dev.lifeboat.command.Actor;
import dev.lifeboat.command.CommandRegistry;
import dev.lifeboat.command.CommandRunner;
import dev.lifeboat.command.Surface;
import dev.lifeboat.config.AccessSettings;
import dev.lifeboat.config.S3Settings;
import dev.lifeboat.platformstatus.PlatformStatus;
import dev.lifeboat.platformstatus.PlatformStatusSource;
import dev.lifeboat.reply.TextRenderer;
import dev.lifeboat.testing.MemoryAuditLog;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import dev.lifeboat.probe.Probe;
import dev.lifeboat.probe.ProbeResult;
import dev.lifeboat.probe.ProbeResult.Outcome;
import dev.lifeboat.status.StatusReport.Verdict;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The probes of a round: their budget, and what a probe the round had to leave unfinished becomes. */
class StatusRoundTest {
    static final URI APP = URI.create("http://app.test/up");
    static final URI SITE = URI.create("http://site.test/");
    static final StatusTimings TIMINGS = new StatusTimings(Duration.ofMillis(800), Duration.ZERO);

    final ExecutorService checks = Executors.newCachedThreadPool();
    final ExecutorService probes = Executors.newCachedThreadPool();
    final Map<URI, Duration> budgets = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        checks.shutdownNow();
        probes.shutdownNow();
    }

    StatusRound round(Probe probe) {
        S3Settings s3 = new S3Settings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), S3Settings.DEFAULT_PREFIX, 30, 26);
        return new StatusRound(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Set.of(), probe,
                new StatusTargets(Optional.empty(), Optional.of(APP), Optional.of(SITE), "pg-backups/"), s3, TIMINGS,
                new RoundMemory(), checks, probes, Clock.systemUTC());
    }

    ProbeResult answer(URI url, Outcome outcome, Duration latency) {
        return new ProbeResult(url, outcome, outcome == Outcome.UP ? Optional.of(200) : Optional.empty(), latency, 0, url,
                outcome == Outcome.TIMEOUT ? "timed out after " + latency.toMillis() + " ms" : "");
    }

    @Test
    void eachProbeGetsTheRoundsDeadlineLessAMarginSoItsOwnAnswerArrivesInTime() {
        StatusFacts facts = round((url, timeout) -> {
            budgets.put(url, timeout);
            return answer(url, Outcome.UP, Duration.ofMillis(5));
        }).gather();

        assertEquals(Duration.ofMillis(650), TIMINGS.probeBudget());
        for (URI url : java.util.List.of(APP, SITE)) {
            long ms = budgets.get(url).toMillis();
            assertTrue(ms > 550 && ms <= 650, url + " had " + ms + " ms: the deadline less the margin, from the round's start");
        }
        assertTrue(facts.appProbe().ok() && facts.siteProbe().ok());
    }

    @Test
    void aProbeTheRoundHadToLeaveUnfinishedIsUnknownNeverDown() {
        StatusFacts facts = round((url, timeout) -> {
            if (url.equals(SITE)) {
                sleep(Duration.ofSeconds(3)); // ignores its budget, as a starved or stuck probe would
            }
            return answer(url, Outcome.UP, Duration.ofMillis(5));
        }).gather();

        assertEquals(Fetched.Gap.TIMED_OUT, facts.siteProbe().gap());
        assertEquals("cancelled: status round ended", facts.siteProbe().why());
        StatusReport report = StatusAnalysis.analyse(facts, name -> true);
        assertNotEquals(Verdict.DOWN, report.verdict());
        assertEquals(java.util.List.of("Website (Site check)"), report.missing());
    }

    @Test
    void aProbeThatTimedOutWithItsWholeBudgetIsAnObservation() {
        StatusFacts facts = round((url, timeout) -> answer(url, url.equals(APP) ? Outcome.TIMEOUT : Outcome.UP, timeout))
                .gather();

        assertTrue(facts.appProbe().ok(), facts.appProbe().why());
        assertTrue(facts.appProbe().value().orElseThrow().describe().matches("timed out after 6\\d\\d ms"),
                facts.appProbe().value().orElseThrow().describe());
        assertEquals(Verdict.DOWN, StatusAnalysis.analyse(facts, name -> true).verdict());
    }

    @Test
    void aProbeThatThrowsIsUnknownWithAReason() {
        StatusFacts facts = round((url, timeout) -> {
            if (url.equals(APP)) {
                throw new IllegalStateException("boom");
            }
            return answer(url, Outcome.UP, Duration.ofMillis(5));
        }).gather();

        assertEquals(Fetched.Gap.FAILED, facts.appProbe().gap());
        assertEquals("the check itself failed (IllegalStateException)", facts.appProbe().why());
        assertNotEquals(Verdict.DOWN, StatusAnalysis.analyse(facts, name -> true).verdict());
    }

    /**
     * The checks executor full (its one thread busy, no queue): the round is refused at once, and the person who
     * asked for {@code status} reads the "busy" answer, not a hang and not an error id.
     */
    @Test
    void aRoundTheChecksHaveNoRoomForIsAnsweredBusyAtOnce() throws Exception {
        ThreadPoolExecutor full = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>());
        CountDownLatch hold = new CountDownLatch(1);
        full.execute(() -> {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            S3Settings s3 = new S3Settings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), S3Settings.DEFAULT_PREFIX, 30, 26);
            StatusRound round = new StatusRound(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Set.of(platform("Heroku"), platform("Netlify")), (url, timeout) -> answer(url, Outcome.UP, Duration.ofMillis(5)),
                    new StatusTargets(Optional.empty(), Optional.of(APP), Optional.of(SITE), "pg-backups/"), s3, TIMINGS,
                    new RoundMemory(), full, probes, Clock.systemUTC());
            StatusService service = new StatusService(round, TIMINGS, Clock.systemUTC());
            AtomicReference<CommandRegistry> registry = new AtomicReference<>();
            registry.set(new CommandRegistry(Set.of(new StatusCommand(service, registry::get, Placement.UNKNOWN))));
            CommandRunner runner = new CommandRunner(registry.get(),
                    new Operators(new AccessSettings(List.of(), 1), group -> Set.of(), Clock.systemUTC()),
                    new MemoryAuditLog(), Clock.systemUTC(), Set.of());

            long start = System.nanoTime();
            String answer = TextRenderer.render(runner.run("status", new Actor("U0ASKER", "asker"), Surface.SLACK,
                    Optional.of("C1")));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertEquals("⌛ Lifeboat is busy with other requests; try again in a few seconds.", answer);
            assertTrue(ms < TIMINGS.deadline().toMillis(), "answered at once, not at the deadline: " + ms + " ms");
        } finally {
            hold.countDown();
            full.shutdownNow();
        }
    }

    static PlatformStatusSource platform(String name) {
        return new PlatformStatusSource() {
            @Override
            public String platform() {
                return name;
            }

            @Override
            public PlatformStatus current() {
                throw new IllegalStateException("not asked in this test");
            }
        };
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
