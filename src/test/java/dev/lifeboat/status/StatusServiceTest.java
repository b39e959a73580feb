package dev.lifeboat.status;

import dev.lifeboat.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StatusServiceTest {
    final AtomicInteger rounds = new AtomicInteger();

    @Test
    void concurrentRequestsShareOneRound() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        StatusFacts facts = new FactsBuilder().build();
        StatusService service = new StatusService(() -> {
            rounds.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return facts;
        }, StatusTimings.DEFAULT, new ManualClock(FactsBuilder.NOW));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<StatusFacts>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(pool.submit(service::facts));
        }
        Thread.sleep(200);
        release.countDown();

        for (Future<StatusFacts> answer : answers) {
            assertSame(facts, answer.get(10, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, rounds.get());
    }

    @Test
    void aFinishedRoundIsReusedWithinTheShareWindowOnly() {
        ManualClock clock = new ManualClock(FactsBuilder.NOW);
        StatusService service = new StatusService(() -> {
            rounds.incrementAndGet();
            return new FactsBuilder().build();
        }, StatusTimings.DEFAULT, clock);

        service.facts();
        clock.advance(StatusTimings.DEFAULT.shareWindow().minusSeconds(1));
        service.facts();
        assertEquals(1, rounds.get());

        clock.advance(Duration.ofSeconds(2));
        service.facts();
        assertEquals(2, rounds.get());
    }

    @Test
    void aChangeEndsTheShareWindowSoTheNextRequestSeesFreshFacts() {
        StatusService service = new StatusService(() -> {
            rounds.incrementAndGet();
            return new FactsBuilder().build();
        }, StatusTimings.DEFAULT, new ManualClock(FactsBuilder.NOW));

        service.facts();
        service.changed();
        service.facts();

        assertEquals(2, rounds.get());
    }
}
