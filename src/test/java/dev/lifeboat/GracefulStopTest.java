package dev.lifeboat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The order of a stop, and who is told what, with real executors. */
class GracefulStopTest {
    final List<String> events = new CopyOnWriteArrayList<>();
    final ExecutorService work = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    final ExecutorService checks = Executors.newCachedThreadPool();
    final Lifecycle lifecycle = new Lifecycle();

    GracefulStop stop(Duration workGrace) {
        lifecycle.manage(() -> events.add("store closed"));
        lifecycle.manage(() -> events.add("audit flushed"));
        return new GracefulStop(work, checks, lifecycle, new GracefulStop.StopTimings(workGrace, Duration.ofSeconds(3)));
    }

    QueuedWork request(String name, Runnable body) {
        return new QueuedWork() {
            @Override
            public void run() {
                body.run();
                events.add(name + " answered");
            }

            @Override
            public void abandon() {
                events.add(name + " told to try again");
            }
        };
    }

    @Test
    void runningAndQueuedWorkFinishesBeforeTheAuditLogAndTheStoreClose() {
        GracefulStop stop = stop(Duration.ofSeconds(20));
        CountDownLatch running = new CountDownLatch(1);
        work.execute(request("status", () -> {
            running.countDown();
            sleep(300);
        }));
        work.execute(request("backups", () -> sleep(100)));
        await(running);

        boolean graceful = stop.stop(() -> events.add("front door closed"));

        assertTrue(graceful);
        assertEquals(List.of("front door closed", "status answered", "backups answered", "audit flushed", "store closed"), events);
    }

    @Test
    void whenTheGraceRunsOutTheQueuedAreToldAndTheStoreStillClosesLast() {
        GracefulStop stop = stop(Duration.ofMillis(300));
        CountDownLatch running = new CountDownLatch(1);
        work.execute(request("restore", () -> {
            running.countDown();
            sleep(10_000);
        }));
        work.execute(request("status", () -> {
        }));
        await(running);

        boolean graceful = stop.stop(() -> events.add("front door closed"));

        assertFalse(graceful);
        assertEquals("front door closed", events.get(0));
        assertTrue(events.contains("status told to try again"), events.toString());
        assertFalse(events.contains("status answered"), events.toString());
        assertEquals(List.of("audit flushed", "store closed"), events.subList(events.size() - 2, events.size()), events.toString());
    }

    @Test
    void checksTheWorkWaitsOnKeepRunningUntilTheWorkIsDone() {
        GracefulStop stop = stop(Duration.ofSeconds(20));
        CountDownLatch running = new CountDownLatch(1);
        work.execute(request("status", () -> {
            running.countDown();
            sleep(200);
            try {
                // A status round starts its upstream calls on the checks executor while the stop is under way.
                checks.submit(() -> events.add("check ran")).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                events.add("check refused: " + e);
            }
        }));
        await(running);

        assertTrue(stop.stop(() -> events.add("front door closed")));
        assertEquals(List.of("front door closed", "check ran", "status answered", "audit flushed", "store closed"), events);
    }

    @Test
    void aSecondStopWaitsForTheFirstAndClosesNothingTwice() throws Exception {
        GracefulStop stop = stop(Duration.ofSeconds(20));
        work.execute(request("status", () -> sleep(300)));
        Thread first = new Thread(() -> stop.stop(() -> events.add("front door closed")));
        first.start();
        while (events.isEmpty()) {
            Thread.sleep(5);
        }

        stop.stop(() -> events.add("front door closed again"));

        assertTrue(events.contains("store closed"), "the second call returned only after the first finished: " + events);
        first.join();
        assertEquals(List.of("front door closed", "status answered", "audit flushed", "store closed"), events);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
