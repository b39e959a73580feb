package dev.lifeboat.s3;

import java.time.Duration;

/**
 * The S3 client's timeouts, retries and upload sizes. {@link #DEFAULT} in production; tests shorten timeouts.
 *
 * @param connectTimeout        to open a TCP connection
 * @param socketTimeout         longest silence while reading or writing a response
 * @param apiCallAttemptTimeout one HTTP attempt, body included (an 8 MiB part, a 5 GiB server-side copy)
 * @param apiCallTimeout        one call, retries included
 * @param maxAttempts           tries per call (1 = no retry); the SDK backs off between them
 * @param maxConnections        pooled connections
 * @param partSize              the first (and usually only) part size; each of the two reused part buffers is this big
 */
public record S3Tuning(
        Duration connectTimeout,
        Duration socketTimeout,
        Duration apiCallAttemptTimeout,
        Duration apiCallTimeout,
        int maxAttempts,
        int maxConnections,
        int partSize) {
    public static final int MIB = 1024 * 1024;

    public static final S3Tuning DEFAULT = new S3Tuning(Duration.ofSeconds(5), Duration.ofSeconds(60),
            Duration.ofMinutes(15), Duration.ofMinutes(30), 3, 16, 8 * MIB);

    public S3Tuning {
        if (partSize < PartSizing.MIN_PART || partSize > 512 * MIB) {
            throw new IllegalArgumentException("partSize must be 5 MiB to 512 MiB: " + partSize);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    public S3Tuning withMaxAttempts(int attempts) {
        return new S3Tuning(connectTimeout, socketTimeout, apiCallAttemptTimeout, apiCallTimeout, attempts,
                maxConnections, partSize);
    }

    public S3Tuning withTimeouts(Duration socket, Duration attempt) {
        return new S3Tuning(connectTimeout, socket, attempt, attempt.multipliedBy(maxAttempts), maxAttempts,
                maxConnections, partSize);
    }
}
