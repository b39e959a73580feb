package dev.lifeboat.http;

import java.time.Duration;

/**
 * How an idempotent call is retried: at most {@code maxAttempts} tries, never past {@code maxTotal}, waiting
 * {@code baseDelay * 2^n} with full jitter between tries (or the upstream's {@code Retry-After}, when it fits).
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxTotal) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(10));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
}
