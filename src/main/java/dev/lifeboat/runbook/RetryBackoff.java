package dev.lifeboat.runbook;

import java.time.Duration;

/**
 * How a step's retryable failure is tried again: {@code base * 2^(attempt-1)}, capped, at most {@code maxAttempts}
 * tries; never past the step's timeout.
 */
public record RetryBackoff(Duration base, Duration cap, int maxAttempts) {
    public static final RetryBackoff DEFAULT = new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(30), 5);

    /** The wait after the {@code attempt}-th try failed. */
    public Duration delay(int attempt) {
        Duration d = base.multipliedBy(1L << Math.min(Math.max(0, attempt - 1), 20));
        return d.compareTo(cap) > 0 ? cap : d;
    }
}
