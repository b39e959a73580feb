package dev.lifeboat.statuspage;

import dev.lifeboat.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StatuspageRequestSpacingTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-11T09:00:00Z"));
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    private RequestSpacing spacingThatMovesTheClock() {
        return new RequestSpacing(Duration.ofSeconds(1), clock, d -> {
            waits.add(d);
            clock.advance(d);
        });
    }

    @Test
    void theFirstCallGoesAtOnce() throws InterruptedException {
        spacingThatMovesTheClock().awaitTurn();

        assertEquals(List.of(), waits);
    }

    @Test
    void backToBackCallsWaitOutTheRestOfTheSecond() throws InterruptedException {
        RequestSpacing spacing = spacingThatMovesTheClock();

        spacing.awaitTurn();
        clock.advance(Duration.ofMillis(300));
        spacing.awaitTurn();
        spacing.awaitTurn();

        assertEquals(List.of(Duration.ofMillis(700), Duration.ofSeconds(1)), waits);
    }

    @Test
    void aCallAfterAQuietSpellDoesNotWait() throws InterruptedException {
        RequestSpacing spacing = spacingThatMovesTheClock();

        spacing.awaitTurn();
        clock.advance(Duration.ofSeconds(3));
        spacing.awaitTurn();

        assertEquals(List.of(), waits);
    }

    @Test
    void concurrentCallersEachGetTheirOwnSlot() throws Exception {
        // the clock stands still: each caller must be given a distinct slot, one second after the previous
        RequestSpacing spacing = new RequestSpacing(Duration.ofSeconds(1), clock, waits::add);
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    spacing.awaitTurn();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Set<Duration> distinct = new HashSet<>(waits);
        assertEquals(callers - 1, waits.size(), "all but the first wait");
        assertEquals(callers - 1, distinct.size());
        for (int s = 1; s < callers; s++) {
            assertTrue(distinct.contains(Duration.ofSeconds(s)), "someone waits " + s + " s: " + waits);
        }
    }
}
