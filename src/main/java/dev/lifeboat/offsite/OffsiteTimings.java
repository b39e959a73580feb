package dev.lifeboat.offsite;

import java.time.Duration;

/**
 * How long the backup runbooks wait.
 *
 * @param poll           between reads of a capture in progress (Heroku's CLI uses 3 s)
 * @param captureTimeout a capture, from asking to completed
 * @param copyTimeout    copying every missing backup (each streams a whole dump)
 * @param inProgress     a copy another run started this recently is left to it
 */
public record OffsiteTimings(Duration poll, Duration captureTimeout, Duration copyTimeout, Duration inProgress) {
    public static final OffsiteTimings DEFAULT = new OffsiteTimings(Duration.ofSeconds(3), Duration.ofHours(4),
            Duration.ofHours(12), Duration.ofMinutes(30));
}
