package dev.lifeboat.status;

import java.time.Duration;

/**
 * @param deadline    how long a status round waits for any one upstream call
 * @param shareWindow how long a finished round's answer is reused for new requests (and concurrent requests
 *                    always share the round in flight), so a crowd typing {@code /dr status} costs one round
 */
public record StatusTimings(Duration deadline, Duration shareWindow) {
    /** How long a probe may take: the deadline less a margin, so its own answer (even a timeout) lands in time. */
    public Duration probeBudget() {
        Duration budget = deadline.minus(StatusRound.PROBE_MARGIN);
        return budget.isNegative() || budget.isZero() ? deadline : budget;
    }

    public static final StatusTimings DEFAULT = new StatusTimings(Duration.ofSeconds(4), Duration.ofSeconds(10));
}
