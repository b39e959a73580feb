package dev.lifeboat.leader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeboat.runbook.Instance;
import dev.lifeboat.testing.DirectExecutorService;
import dev.lifeboat.testing.InMemoryLeaderLeases;
import dev.lifeboat.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two instances on one store, a fake clock, tasks run on the ticking thread: only the leader works. */
class LeadershipTest {
    final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T03:00:00Z"));
    final InMemoryLeaderLeases leases = new InMemoryLeaderLeases();
    final List<String> ran = Collections.synchronizedList(new ArrayList<>());

    LeaderTask task(String name, Duration every) {
        return new LeaderTask() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Duration every() {
                return every;
            }

            @Override
            public void run() {
                ran.add(name);
            }
        };
    }

    Leadership instance(String name) {
        return new Leadership(leases, Set.of(task("monitor", Duration.ofSeconds(60)), task("schedule", Duration.ofSeconds(30))),
                clock, new DirectExecutorService(), new Instance(name));
    }

    /** Both instances tick, as their timers would, then time moves on. */
    void tick(Duration step, Leadership... instances) {
        for (Leadership l : instances) {
            l.tick();
        }
        clock.advance(step);
    }

    @Test
    void onlyTheLeaderRunsTasksEachAsOftenAsItSays() {
        Leadership web1 = instance("web.1");
        Leadership web2 = instance("web.2");

        for (int i = 0; i < 24; i++) { // two minutes of 5 s ticks
            tick(Leadership.TICK, web1, web2);
        }

        assertTrue(web1.leading());
        assertFalse(web2.leading());
        assertEquals(2, ran.stream().filter("monitor"::equals).count(), ran.toString());
        assertEquals(4, ran.stream().filter("schedule"::equals).count(), ran.toString());
    }

    @Test
    void whenTheLeaderDiesAnotherLeadsWithinTheLeaseAndRunsEveryTaskAtOnce() {
        Leadership web1 = instance("web.1");
        Leadership web2 = instance("web.2");
        tick(Leadership.TICK, web1, web2);
        ran.clear();

        // web.1 dies: it ticks no more. web.2 waits out the lease, then leads.
        Duration waited = Duration.ZERO;
        while (!web2.leading()) {
            tick(Leadership.TICK, web2);
            waited = waited.plus(Leadership.TICK);
            assertTrue(waited.compareTo(Leadership.LEASE.plus(Leadership.TICK.multipliedBy(2))) <= 0, "took " + waited);
        }
        assertTrue(waited.compareTo(Leadership.LEASE) >= 0, "not before the lease ran out: " + waited);
        assertEquals(Set.of("monitor", "schedule"), Set.copyOf(ran), "the new leader runs its tasks at once");

        // web.1 comes back (it was only cut off): it finds the lease taken and does nothing.
        ran.clear();
        tick(Leadership.TICK, web1);
        assertFalse(web1.leading());
        assertEquals(List.of(), ran);
    }

    @Test
    void aLeaderThatCannotReachTheStoreStopsLeadingAndACleanStopHandsOverAtOnce() {
        Leadership web1 = instance("web.1");
        Leadership web2 = instance("web.2");
        tick(Leadership.TICK, web1, web2);
        assertTrue(web1.leading());

        leases.fail(true);
        ran.clear();
        clock.advance(Duration.ofMinutes(5));
        web1.tick();
        assertFalse(web1.leading(), "cannot know it still leads");
        assertEquals(List.of(), ran);
        leases.fail(false);

        web1.tick();
        assertTrue(web1.leading(), "its own lease, renewed");
        web1.stepDown();
        web2.tick();
        assertTrue(web2.leading(), "a clean stop hands over without waiting for the lease");
    }
}
