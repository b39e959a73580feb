package dev.lifeboat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConnectBackoffTest {
    @Test
    void startsAtOneSecondAndDoublesUpToAMinute() {
        List<Long> seconds = IntStream.rangeClosed(1, 9)
                .mapToObj(attempt -> ConnectBackoff.DEFAULT.delay(attempt, 0.5).toSeconds()).toList();

        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L), seconds);
    }

    @Test
    void jitterSpreadsEachWaitByAFifthButNeverPastTheCeiling() {
        assertEquals(Duration.ofMillis(800), ConnectBackoff.DEFAULT.delay(1, 0.0));
        assertEquals(Duration.ofMillis(1200), ConnectBackoff.DEFAULT.delay(1, 1.0));
        assertEquals(Duration.ofMillis(3200), ConnectBackoff.DEFAULT.delay(3, 0.0));
        assertEquals(Duration.ofSeconds(48), ConnectBackoff.DEFAULT.delay(20, 0.0));
        assertEquals(Duration.ofSeconds(60), ConnectBackoff.DEFAULT.delay(20, 0.999));
        assertEquals(Duration.ofSeconds(60), ConnectBackoff.DEFAULT.delay(Integer.MAX_VALUE, 0.999));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConnectBackoff(Duration.ZERO, Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new ConnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new ConnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
    }
}
