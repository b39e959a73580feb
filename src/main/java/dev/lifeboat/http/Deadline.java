package dev.lifeboat.http;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The time by which the work running on this thread must end, e.g. a status round's deadline. Calls made inside
 * {@link #within} carry it: {@link JsonHttp} cuts the call there, and {@link RetryInterceptor} never sleeps past it
 * (a {@code Retry-After} longer than the time left means: don't wait, report the rate limit).
 */
public final class Deadline {
    private static final ThreadLocal<Long> CURRENT = new ThreadLocal<>();

    private Deadline() {
    }

    /** Runs {@code work} with a deadline of {@code deadlineNanos} ({@link System#nanoTime()} based). */
    public static <T> T within(long deadlineNanos, Supplier<T> work) {
        Long outer = CURRENT.get();
        CURRENT.set(outer == null ? deadlineNanos : Math.min(outer, deadlineNanos));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The deadline of the work on this thread, if it has one. */
    public static Optional<Long> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Nanoseconds left before the current deadline (never negative), if there is one. */
    public static Optional<Long> nanosLeft() {
        return current().map(d -> Math.max(0, d - System.nanoTime()));
    }
}
