package dev.lifeboat.slack;

import java.time.Duration;

/**
 * How long to wait before the next attempt to reach Slack: {@code first}, doubling up to {@code max}, each spread
 * by ±{@code jitter} (never past {@code max}) so that many restarted processes do not knock in step.
 */
public record ConnectBackoff(Duration first, Duration max, double jitter) {
    public static final ConnectBackoff DEFAULT = new ConnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.2);

    public ConnectBackoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max and 0 <= jitter < 1");
        }
    }

    /** The wait after failed attempt number {@code attempt} (1-based); {@code random} is uniform in [0, 1). */
    public Duration delay(int attempt, double random) {
        long base = first.toMillis();
        for (int i = 1; i < attempt && base < max.toMillis(); i++) {
            base *= 2;
        }
        base = Math.min(base, max.toMillis());
        double spread = 1 + jitter * (2 * random - 1);
        return Duration.ofMillis(Math.max(1, Math.min(max.toMillis(), Math.round(base * spread))));
    }
}
