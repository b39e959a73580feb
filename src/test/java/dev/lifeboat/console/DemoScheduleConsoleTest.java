package dev.lifeboat.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.name.Names;
import com.google.inject.util.Modules;
import dev.lifeboat.Lifecycle;
import dev.lifeboat.Wiring;
import dev.lifeboat.command.CommandRunner;
import dev.lifeboat.config.Env;
import dev.lifeboat.config.LifeboatConfig;
import dev.lifeboat.reply.Announcer;
import dev.lifeboat.reply.TextRenderer;
import dev.lifeboat.runbook.Run;
import dev.lifeboat.runbook.RunState;
import dev.lifeboat.runbook.RunStore;
import dev.lifeboat.runbook.Waiter;
import dev.lifeboat.schedule.Scheduler;
import dev.lifeboat.testing.DirectExecutorService;
import dev.lifeboat.testing.ManualClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduled jobs in the demo world as {@code ./lifeboat} wires it (simulated systems, the H2 store): {@code schedule}
 * lists them; the scheduler, ticked by hand on a manual clock, runs the monthly drill as the schedule (runs execute on
 * the ticking thread), announces a failed drill as a problem, and posts the weekly digest and the daily check.
 */
class DemoScheduleConsoleTest {
    /** A Sunday evening: the daily job is next due Monday 03:30, the weekly Monday 09:00, the monthly 1 December. */
    static final Instant START = Instant.parse("2026-11-29T20:00:00Z");

    @TempDir
    Path data;

    final ManualClock clock = new ManualClock(START);
    final List<String> announced = Collections.synchronizedList(new ArrayList<>());
    Injector injector;
    Console console;
    Scheduler scheduler;

    @BeforeEach
    void start() {
        LifeboatConfig config = LifeboatConfig.load(Env.of(Map.of("LIFEBOAT_DATA_DIR", data.toString())));
        injector = Guice.createInjector(Modules.override(Wiring.console(config, Wiring.World.DEMO,
                new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true)).modules())
                .with(new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(Clock.class).toInstance(clock);
                        bind(Waiter.class).toInstance(clock::advance);
                        bind(ExecutorService.class).annotatedWith(Names.named("runs")).toInstance(new DirectExecutorService());
                        bind(ExecutorService.class).annotatedWith(Names.named("leader")).toInstance(new DirectExecutorService());
                        bind(Announcer.class).toInstance(message -> {
                            announced.add(TextRenderer.render(message));
                            return Announcer.Delivery.to("#incidents");
                        });
                    }
                }));
        console = new Console(injector.getInstance(CommandRunner.class), "alice");
        scheduler = injector.getInstance(Scheduler.class);
    }

    @AfterEach
    void stop() {
        injector.getInstance(Lifecycle.class).close();
    }

    List<Run> runsBySchedule() {
        return injector.getInstance(RunStore.class).recent(50).stream()
                .filter(r -> r.requestedBy().equals(Scheduler.ACTOR)).toList();
    }

    @Test
    void scheduleListsEveryJobWithItsCadenceAndNextRunBeforeAnyRan() {
        String answer = console.run("schedule");

        for (String line : new String[] {"Scheduled jobs",
                "daily — offsite copy of new backups and retention; backup freshness check",
                "Runs every day at 03:30 UTC · next: Mon 30 Nov 03:30 UTC (in 7 h 30 min)",
                "monthly — the restore drill into staging, with its RTO and RPO",
                "Runs on day 1 of every month at 04:00 UTC · next: Tue 1 Dec 04:00 UTC",
                "weekly — the weekly digest",
                "Runs every Monday at 09:00 UTC · next: Mon 30 Nov 09:00 UTC (in 13 h)",
                "Last: never (the schedule has not run yet: it runs while Lifeboat serves)",
                "No instance leads right now: the jobs run only while Lifeboat serves"}) {
            assertTrue(answer.contains(line), line + " in\n" + answer);
        }
        assertTrue(console.run("help").contains("/dr schedule"));
    }

    @Test
    void theMonthlyDrillRunsAsTheScheduleAndScheduleShowsItsOutcome() {
        scheduler.tick();
        assertTrue(console.run("schedule").contains("Last: none yet (scheduled since Sun 1 Nov 04:00 UTC"),
                console.run("schedule"));

        clock.set(Instant.parse("2026-12-01T04:00:10Z"));
        List<String> ran = scheduler.tick();

        assertTrue(ran.contains("monthly"), ran.toString());
        List<Run> drills = runsBySchedule().stream().filter(r -> r.runbook().equals("drill")).toList();
        assertEquals(1, drills.size(), drills.toString());
        Run drill = drills.get(0);
        assertEquals(RunState.SUCCEEDED, drill.state(), drill.outcome());
        assertTrue(drill.outcome().startsWith("Drill passed:"), drill.outcome());
        assertTrue(announced.stream().noneMatch(a -> a.contains("Problem")), announced.toString());

        String answer = console.run("schedule");
        assertTrue(answer.contains("Last: Tue 1 Dec 04:00 UTC — ✅ ok: Drill started: Restore drill:"), answer);
        assertTrue(answer.contains("Its run " + drill.id() + " succeeded: Drill passed:"), answer);
        assertEquals(List.of(), scheduler.tick(), "once");
        assertEquals(1, runsBySchedule().stream().filter(r -> r.runbook().equals("drill")).count());
    }

    @Test
    void aFailedDrillIsAnnouncedAsAProblem() {
        scheduler.tick();
        console.run("demo fail restore");
        clock.set(Instant.parse("2026-12-01T04:00:10Z"));
        scheduler.tick();

        Run drill = runsBySchedule().stream().filter(r -> r.runbook().equals("drill")).findFirst().orElseThrow();
        assertEquals(RunState.FAILED, drill.state());
        String problem = announced.stream().filter(a -> a.contains("Problem")).findFirst().orElseThrow(
                () -> new AssertionError(announced.toString()));
        assertTrue(problem.contains("🚨 Problem: the scheduled drill failed — Restore drill:"), problem);
        assertTrue(problem.contains("The drill did not pass."), problem);
        assertTrue(problem.contains("The backups may not restore as the plan expects"), problem);
    }

    @Test
    void theDailyJobWarnsOfStaleBackupsAndRunsTheOffsiteCopy() {
        scheduler.tick();
        clock.set(Instant.parse("2026-11-30T09:01:00Z"));
        assertEquals(List.of("daily", "weekly"), scheduler.tick());
        announced.clear();
        // The demo world's newest backup finished on 29 November at about 02:00: two days later it is stale.
        clock.set(Instant.parse("2026-12-01T03:30:05Z"));
        assertEquals(List.of("daily"), scheduler.tick());

        assertEquals(1, announced.size(), announced.toString());
        assertTrue(announced.get(0).startsWith("⚠️ Backups are not fresh: newest backup a012 is 2 d 1 h old"), announced.get(0));
        assertTrue(announced.get(0).contains("Max age 26 h (LIFEBOAT_BACKUP_MAX_AGE_HOURS)"), announced.get(0));
        String answer = console.run("schedule");
        assertTrue(answer.contains("Last: Tue 1 Dec 03:30 UTC — ⚠️ warning: Freshness: newest backup a012 is 2 d 1 h old"), answer);
        assertTrue(answer.contains("Nothing to do: every successful backup of lifeboat-demo is offsite"),
                "the daily job ran `backup offsite`, which found nothing to copy: " + answer);
    }

    @Test
    void theWeeklyDigestIsPostedAsOneMessage() {
        scheduler.tick();
        clock.set(Instant.parse("2026-11-30T09:00:05Z"));
        assertTrue(console.run("drill").contains("Restore drill"));
        String id = DemoRestoreConsoleTest.runId(console.run("drill"));
        console.run("confirm " + id);
        announced.clear();

        assertTrue(scheduler.tick().contains("weekly"));

        List<String> digests = announced.stream().filter(a -> a.startsWith("Weekly digest")).toList();
        assertEquals(1, digests.size(), announced.toString());
        String digest = digests.get(0);
        for (String part : new String[] {"Weekly digest: Mon 23 Nov – Mon 30 Nov", "Backups and offsite copies",
                "Drills\n✅ " + id, "Incidents\nnone", "Monitor alerts\nnot recorded",
                "Deploys and rollbacks\nHeroku releases:", "Site deploys (production):"}) {
            assertTrue(digest.contains(part), part + " in\n" + digest);
        }
        assertTrue(console.run("schedule").contains("ok: Digest posted to #incidents."));
    }
}
