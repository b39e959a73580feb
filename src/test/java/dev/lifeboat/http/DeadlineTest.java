package dev.lifeboat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeadlineTest {
    @Test
    void workOutsideAnyDeadlineHasNone() {
        assertEquals(Optional.empty(), Deadline.current());
        assertEquals(Optional.empty(), Deadline.nanosLeft());
    }

    @Test
    void theDeadlineHoldsInsideTheWorkAndEndsWithIt() {
        long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();

        long left = Deadline.within(deadline, () -> Deadline.nanosLeft().orElseThrow());

        assertTrue(left > Duration.ofSeconds(3).toNanos() && left <= Duration.ofSeconds(4).toNanos(), left + " ns");
        assertEquals(Optional.empty(), Deadline.current(), "gone after the work");
    }

    @Test
    void anInnerDeadlineNeverExtendsTheOuterOneAndTheOuterIsBackAfterIt() {
        long outer = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        long later = outer + Duration.ofSeconds(10).toNanos();
        long sooner = outer - Duration.ofSeconds(1).toNanos();

        long insideLater = Deadline.within(outer, () -> Deadline.within(later, () -> Deadline.current().orElseThrow()));
        long insideSooner = Deadline.within(outer, () -> Deadline.within(sooner, () -> Deadline.current().orElseThrow()));
        long afterInner = Deadline.within(outer, () -> {
            Deadline.within(sooner, () -> 0);
            return Deadline.current().orElseThrow();
        });

        assertEquals(outer, insideLater);
        assertEquals(sooner, insideSooner);
        assertEquals(outer, afterInner);
    }

    @Test
    void aPassedDeadlineLeavesNothingNeverANegativeTime() {
        long passed = System.nanoTime() - Duration.ofSeconds(1).toNanos();

        assertEquals(Optional.of(0L), Deadline.within(passed, Deadline::nanosLeft));
    }
}
