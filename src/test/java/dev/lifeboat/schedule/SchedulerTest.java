package dev.lifeboat.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.reply.Announcer;
import dev.lifeboat.reply.Reply;
import dev.lifeboat.reply.TextRenderer;
import dev.lifeboat.runbook.Instance;
import dev.lifeboat.testing.InMemoryScheduleStore;
import dev.lifeboat.testing.ManualClock;
import dev.lifeboat.testing.MemoryAuditLog;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The scheduler on a fake clock, ticking every 30 s as the leader does: each job once at its due time, a first start
 * that runs nothing, a restart that missed several due times catching up once, and a failing job announced.
 */
class SchedulerTest {
    /** A Sunday: the daily job is next due Sunday 03:30, the weekly Monday 9 March 09:00, the monthly 1 April. */
    static final Instant START = Instant.parse("2026-03-08T00:00:00Z");

    final ManualClock clock = new ManualClock(START);
    final InMemoryScheduleStore store = new InMemoryScheduleStore();
    final MemoryAuditLog audit = new MemoryAuditLog();
    final List<String> announced = Collections.synchronizedList(new ArrayList<>());
    final Announcer announcer = message -> {
        announced.add(TextRenderer.render(message));
        return Announcer.Delivery.to("#ops");
    };

    /** A job that records each due time it ran for. */
    static final class CountingJob implements ScheduledJob {
        final String name;
        final Cadence cadence;
        final List<Instant> ran = Collections.synchronizedList(new ArrayList<>());
        Function<Instant, JobResult> does = due -> JobResult.ok("done");

        CountingJob(String name, Cadence cadence) {
            this.name = name;
            this.cadence = cadence;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String purpose() {
            return "counting";
        }

        @Override
        public Cadence cadence() {
            return cadence;
        }

        @Override
        public JobResult run(Instant due) {
            ran.add(due);
            return does.apply(due);
        }
    }

    final CountingJob daily = new CountingJob("daily", Cadence.daily(LocalTime.of(3, 30)));
    final CountingJob weekly = new CountingJob("weekly", Cadence.weekly(DayOfWeek.MONDAY, LocalTime.of(9, 0)));
    final CountingJob monthly = new CountingJob("monthly", Cadence.monthly(1, LocalTime.of(4, 0)));

    Scheduler scheduler(String instance) {
        return new Scheduler(Set.of(daily, weekly, monthly), store, clock, new Instance(instance), announcer, audit);
    }

    /** Ticks every 30 s up to {@code until}, as the leader would. */
    static void tickUntil(Scheduler scheduler, ManualClock clock, Instant until) {
        while (clock.instant().isBefore(until)) {
            scheduler.tick();
            clock.advance(Scheduler.TICK);
        }
    }

    static List<Instant> at(String... instants) {
        return java.util.Arrays.stream(instants).map(Instant::parse).toList();
    }

    @Test
    void eachJobRunsOnceAtEachOfItsDueTimesAndAFirstStartRunsNothing() {
        Scheduler scheduler = scheduler("web.1");
        assertEquals(List.of(), scheduler.tick(), "first sight: every job starts counting from now");
        tickUntil(scheduler, clock, Instant.parse("2026-04-02T00:00:00Z"));

        assertEquals(25, daily.ran.size(), "8 March to 1 April, once a day");
        assertEquals(Instant.parse("2026-03-08T03:30:00Z"), daily.ran.get(0));
        assertEquals(Instant.parse("2026-04-01T03:30:00Z"), daily.ran.get(24));
        assertEquals(at("2026-03-09T09:00:00Z", "2026-03-16T09:00:00Z", "2026-03-23T09:00:00Z",
                "2026-03-30T09:00:00Z"), weekly.ran);
        assertEquals(at("2026-04-01T04:00:00Z"), monthly.ran);
        assertEquals(List.of(), announced, "nothing failed");
        assertEquals("OK", store.last("monthly").orElseThrow().state());
        assertTrue(audit.entries().stream().anyMatch(e -> e.actorId().equals("schedule")
                && e.commandText().equals("schedule monthly") && e.outcome().equals("ok")), audit.entries().toString());
    }

    @Test
    void aJobRunsWithinOneTickOfItsDueTimeNotBefore() {
        Scheduler scheduler = scheduler("web.1");
        scheduler.tick();
        clock.set(Instant.parse("2026-03-08T03:29:59Z"));
        assertEquals(List.of(), scheduler.tick());
        clock.set(Instant.parse("2026-03-08T03:30:29Z"));
        assertEquals(List.of("daily"), scheduler.tick());
        assertEquals(List.of(), scheduler.tick(), "once per due time");
        assertTrue(!store.last("daily").orElseThrow().detail().startsWith("Caught up"), "on time: no catch-up note");
    }

    @Test
    void aRestartThatMissedSeveralDueTimesCatchesUpOnceNotOncePerMissedPeriod() {
        scheduler("web.1").tick();
        tickUntil(scheduler("web.1"), clock, Instant.parse("2026-03-10T00:00:00Z"));
        assertEquals(2, daily.ran.size(), "8 and 9 March");
        assertEquals(1, weekly.ran.size(), "9 March");

        // Lifeboat is down from 10 March to 3 April 12:00: 24 daily, 3 weekly and 1 monthly due times pass.
        clock.set(Instant.parse("2026-04-03T12:00:00Z"));
        Scheduler restarted = scheduler("web.1");
        assertEquals(List.of("daily", "monthly", "weekly"), restarted.tick());
        assertEquals(Instant.parse("2026-04-03T03:30:00Z"), daily.ran.get(2), "the newest missed due time");
        assertEquals(Instant.parse("2026-03-30T09:00:00Z"), weekly.ran.get(1));
        assertEquals(at("2026-04-01T04:00:00Z"), monthly.ran);
        assertTrue(store.last("monthly").orElseThrow().detail().startsWith("Caught up: due Wed 1 Apr 04:00 UTC"),
                store.last("monthly").orElseThrow().detail());

        tickUntil(restarted, clock, Instant.parse("2026-04-04T12:00:00Z"));
        assertEquals(4, daily.ran.size(), "then on schedule again: 4 April 03:30 only");
        assertEquals(2, weekly.ran.size());
        assertEquals(1, monthly.ran.size());
    }

    @Test
    void aFailingJobIsRecordedAndAnnouncedAndRunsAgainAtItsNextDueTime() {
        daily.does = due -> {
            throw new dev.lifeboat.command.UsageException("Heroku said no");
        };
        Scheduler scheduler = scheduler("web.1");
        scheduler.tick();
        tickUntil(scheduler, clock, Instant.parse("2026-03-09T04:00:00Z"));

        assertEquals(2, daily.ran.size());
        JobRecord last = store.last("daily").orElseThrow();
        assertEquals("FAILED", last.state());
        assertEquals("Heroku said no", last.detail());
        assertEquals(2, announced.size(), announced.toString());
        assertTrue(announced.get(0).contains("The scheduled daily job failed (counting): Heroku said no"), announced.get(0));
    }

    @Test
    void anUnexpectedErrorIsNamedWithoutItsMessage() {
        weekly.does = due -> {
            throw new IllegalStateException("jdbc:postgresql://user:hunter2@db/x");
        };
        Scheduler scheduler = scheduler("web.1");
        scheduler.tick();
        tickUntil(scheduler, clock, Instant.parse("2026-03-09T09:01:00Z"));
        String detail = store.last("weekly").orElseThrow().detail();
        assertEquals("an unexpected error (IllegalStateException; the details are in Lifeboat's log)", detail);
        assertTrue(announced.stream().noneMatch(a -> a.contains("hunter2")));
    }

    @Test
    void twoSchedulersThatBothThinkTheyLeadRunEachDueTimeOnce() throws Exception {
        Scheduler one = scheduler("web.1");
        Scheduler two = scheduler("web.2");
        one.tick();
        Instant until = Instant.parse("2026-04-02T00:00:00Z");
        while (clock.instant().isBefore(until)) {
            Thread a = new Thread(one::tick);
            Thread b = new Thread(two::tick);
            a.start();
            b.start();
            a.join();
            b.join();
            clock.advance(Duration.ofMinutes(10));
        }
        assertEquals(25, daily.ran.size());
        assertEquals(25, daily.ran.stream().distinct().count());
        assertEquals(4, weekly.ran.size());
        assertEquals(1, monthly.ran.size());
    }
}
