package dev.lifeboat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.reply.Announcer;
import dev.lifeboat.runbook.Instance;
import dev.lifeboat.schedule.Cadence;
import dev.lifeboat.schedule.JobRecord;
import dev.lifeboat.schedule.JobResult;
import dev.lifeboat.schedule.ScheduleStore;
import dev.lifeboat.schedule.ScheduledJob;
import dev.lifeboat.schedule.Scheduler;
import dev.lifeboat.testing.MemoryAuditLog;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The scheduled jobs' table on a real database: a job's first row, a claim that moves its due time forward exactly
 * once among racing instances, its end, and two schedulers sharing the store running each due time once.
 */
abstract class ScheduleStoreContract extends RunStoreFixture {
    ScheduleStore schedules() {
        return new JdbcScheduleStore(database().dataSource());
    }

    @Test
    void aJobStartsCountingOnceIsClaimedOncePerDueTimeAndKeepsItsLastRun() {
        ScheduleStore store = schedules();
        assertEquals(Optional.empty(), store.last("daily"));
        Instant due = Instant.parse("2026-03-08T03:30:00Z");
        store.start("daily", due, "web.1");
        store.start("daily", due.plusSeconds(86_400), "web.2");
        JobRecord first = store.last("daily").orElseThrow();
        assertEquals(due, first.due(), "the first row stays");
        assertTrue(first.neverRan());
        assertEquals(JobRecord.NEVER, first.state());

        assertFalse(store.claim("daily", due, T0, "web.1"), "the due time it counts from is not run");
        Instant next = due.plus(Duration.ofDays(1));
        assertTrue(store.claim("daily", next, T0, "web.1"));
        assertFalse(store.claim("daily", next, T0, "web.2"), "claimed already");
        JobRecord running = store.last("daily").orElseThrow();
        assertEquals(JobRecord.RUNNING, running.state());
        assertEquals(Optional.of(T0), running.startedAt(), "microseconds kept");
        assertEquals(Optional.empty(), running.finishedAt());
        assertEquals("web.1", running.owner());

        store.finish("daily", next, T0.plusSeconds(3), JobResult.warning("backups are stale")
                .withRun(Optional.of("r-abc234")));
        JobRecord done = store.last("daily").orElseThrow();
        assertEquals("WARNING", done.state());
        assertEquals("backups are stale", done.detail());
        assertEquals(Optional.of("r-abc234"), done.runId());
        assertEquals(Optional.of(T0.plusSeconds(3)), done.finishedAt());

        assertTrue(store.claim("daily", next.plus(Duration.ofDays(1)), T0.plusSeconds(86_400), "web.2"));
        JobRecord again = store.last("daily").orElseThrow();
        assertEquals(Optional.empty(), again.runId(), "a new claim forgets the last run's details");
        assertEquals("", again.detail());
        store.finish("daily", next, T0, JobResult.failed("late news"));
        assertEquals(JobRecord.RUNNING, store.last("daily").orElseThrow().state(), "an older run's end changes nothing");
    }

    @Test
    void aLongDetailIsCut() {
        ScheduleStore store = schedules();
        Instant due = Instant.parse("2026-03-08T03:30:00Z");
        store.start("weekly", due, "web.1");
        assertTrue(store.claim("weekly", due.plusSeconds(1), T0, "web.1"));
        store.finish("weekly", due.plusSeconds(1), T0, JobResult.ok("x".repeat(5000)));
        assertEquals(JdbcScheduleStore.MAX_DETAIL, store.last("weekly").orElseThrow().detail().length());
    }

    @Test
    void ofInstancesClaimingOneDueTimeAtOnceExactlyOneRunsIt() throws Exception {
        ScheduleStore store = schedules();
        List<String> owners = List.of("web.1", "web.2", "web.3", "worker.1");
        Instant due = Instant.parse("2026-03-01T04:00:00Z");
        for (int round = 0; round < 10; round++) {
            String job = "job-" + round;
            race(owners.size(), t -> () -> {
                store.start(job, due, owners.get(t));
                return "";
            });
            Instant next = due.plus(Duration.ofDays(1));
            List<String> won = race(owners.size(), t -> () -> store.claim(job, next, T0, owners.get(t))
                    ? owners.get(t) : "");
            assertEquals(1, won.stream().filter(w -> !w.isEmpty()).count(), "round " + round + ": " + won);
        }
    }

    /** A job counting the due times it ran for, shared by both schedulers (as the world they act on is). */
    static final class Counting implements ScheduledJob {
        final String name;
        final Cadence cadence;
        final List<Instant> ran = Collections.synchronizedList(new ArrayList<>());

        Counting(String name, Cadence cadence) {
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
            return JobResult.ok("counted");
        }
    }

    @Test
    void twoSchedulersOnOneStoreRunEachJobOncePerDueTime() throws Exception {
        Counting daily = new Counting("daily", Cadence.daily(LocalTime.of(3, 30)));
        Counting weekly = new Counting("weekly", Cadence.weekly(DayOfWeek.MONDAY, LocalTime.of(9, 0)));
        Counting monthly = new Counting("monthly", Cadence.monthly(1, LocalTime.of(4, 0)));
        Announcer quiet = message -> Announcer.Delivery.to("nowhere");
        clock.set(Instant.parse("2026-03-20T00:00:00Z"));
        List<Scheduler> schedulers = List.of("web.1", "web.2").stream().map(name -> new Scheduler(
                Set.of(daily, weekly, monthly), schedules(), clock, new Instance(name), quiet, new MemoryAuditLog()))
                .toList();
        schedulers.get(0).tick();
        Instant until = Instant.parse("2026-04-10T00:00:00Z");
        while (clock.instant().isBefore(until)) {
            race(2, t -> () -> schedulers.get(t).tick());
            clock.advance(Duration.ofMinutes(30));
        }
        assertEquals(21, daily.ran.size(), "20 March to 9 April: " + daily.ran);
        assertEquals(21, daily.ran.stream().distinct().count());
        assertEquals(3, weekly.ran.size(), "23 and 30 March, 6 April: " + weekly.ran);
        assertEquals(List.of(Instant.parse("2026-04-01T04:00:00Z")), monthly.ran);
    }
}
