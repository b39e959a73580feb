package dev.lifeboat.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the parts' states make {@code /healthz}'s status and code, and how a check is spared a flood. */
class HealthzTest {
    static PartHealth state(String level, String word) {
        return new PartHealth(PartHealth.Level.valueOf(level), word, java.util.Map.of());
    }

    @ParameterizedTest(name = "slack {0}/{1}, store {2}/{3}, ever ready {4} → {5} {6}, failing {7}")
    @CsvSource({
            "OK,       ok,           OK,       ok,          true,  ok,        200, ''",
            "OK,       connected,    DEGRADED, slow,        true,  degraded,  200, ''",
            "OK,       ok,           DOWN,     unreachable, true,  not_ready, 503, store",
            "OK,       ok,           DOWN,     no_answer,   true,  not_ready, 503, store",
            "DOWN,     disconnected, OK,       ok,          true,  not_ready, 503, slack",
            "DOWN,     starting,     OK,       ok,          false, starting,  503, slack",
            "DOWN,     starting,     DOWN,     unreachable, false, starting,  503, slack store",
            "DEGRADED, x,            DOWN,     unreachable, true,  not_ready, 503, store",
    })
    void theWorstPartDecides(String slackLevel, String slackWord, String storeLevel, String storeWord, boolean everReady,
                             String status, int code, String failing) {
        Healthz healthz = Healthz.of(List.of(HealthPart.of("slack", () -> state(slackLevel, slackWord)),
                HealthPart.of("store", () -> state(storeLevel, storeWord))), new HealthBoard(), everReady);

        assertEquals(status, healthz.status());
        assertEquals(code, healthz.code());
        assertEquals(failing.isEmpty() ? List.of() : List.of(failing.split(" ")), healthz.failing());
        assertEquals(slackWord, healthz.parts().get("slack").state());
        assertEquals(storeWord, healthz.parts().get("store").state());
    }

    @Test
    void aReportedProblemCountsWhenWorseThanThePartsOwnAnswerAndKeepsItsFigures() {
        HealthBoard board = new HealthBoard();
        board.report("audit", HealthBoard.Severity.NOT_READY, "failing", "the store refused: password=… at db:5432");
        HealthPart audit = HealthPart.of("audit", () -> PartHealth.ok("ok").with("backlog", 3));

        Healthz healthz = Healthz.of(List.of(audit), board, true);

        assertEquals(503, healthz.code());
        assertEquals(new PartHealth(PartHealth.Level.DOWN, "failing", java.util.Map.of("backlog", 3L)), healthz.parts().get("audit"));

        board.report("audit", HealthBoard.Severity.DEGRADED, "failing", "…");
        Healthz down = Healthz.of(List.of(HealthPart.of("audit", () -> PartHealth.down("failing"))), board, true);
        assertEquals(PartHealth.Level.DOWN, down.parts().get("audit").level(), "the part's own, worse, answer stands");
    }

    @Test
    void aCachedCheckAsksOnceAFreshPeriodHoweverManyAsk() {
        AtomicLong now = new AtomicLong();
        AtomicInteger asked = new AtomicInteger();
        CachedCheck check = new CachedCheck("store", Duration.ofSeconds(1), Duration.ofSeconds(1), () -> {
            asked.incrementAndGet();
            return PartHealth.ok("ok");
        }, now::get);
        try {
            for (int i = 0; i < 100; i++) {
                assertEquals("ok", check.check().state());
            }
            assertEquals(1, asked.get());
            now.addAndGet(Duration.ofMillis(999).toNanos());
            check.check();
            assertEquals(1, asked.get(), "still fresh");
            now.addAndGet(Duration.ofMillis(2).toNanos());
            check.check();
            assertEquals(2, asked.get(), "a second later, asked again");
        } finally {
            check.close();
        }
    }

    @Test
    void aCheckThatHangsIsNoAnswerAfterTheWaitAndTheHungCheckIsNotStartedAgain() throws Exception {
        AtomicLong now = new AtomicLong();
        AtomicInteger asked = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CachedCheck check = new CachedCheck("store", Duration.ofSeconds(1), Duration.ofMillis(200), () -> {
            asked.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return PartHealth.ok("ok");
        }, now::get);
        try {
            long start = System.nanoTime();
            assertEquals(PartHealth.down("no_answer"), check.check());
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(true, ms >= 150 && ms < 1_000, ms + " ms");
            assertEquals(PartHealth.down("no_answer"), check.check(), "kept: answered at once");
            now.addAndGet(Duration.ofSeconds(2).toNanos());
            assertEquals(PartHealth.down("no_answer"), check.check(), "the hung check is waited on, not started again");
            assertEquals(1, asked.get());

            release.countDown();
            Thread.sleep(100);
            assertEquals(PartHealth.ok("ok"), check.check(), "its late answer is the newest truth");
        } finally {
            check.close();
        }
    }
}
