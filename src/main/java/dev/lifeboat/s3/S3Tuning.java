package dev.lifeboat.s3;

import java.time.Duration;

/**
 * The S3 client's timeouts, retries and upload sizes. {@link #DEFAULT} in production; tests shorten timeouts and
 * lower {@code checksumCopyLimit} to exercise the sidecar path.
 *
 * @param connectTimeout        to open a TCP connection
 * @param socketTimeout         longest silence while reading or writing a response
 * @param apiCallAttemptTimeout one HTTP attempt, body included (an 8 MiB part, a 5 GiB server-side copy)
 * @param apiCallTimeout        one call, retries included
 * @param maxAttempts           tries per call (1 = no retry); the SDK backs off between them
 * @param maxConnections        pooled connections
 * @param partSize              the first (and usually only) part size; each of the two reused part buffers is this big
 * @param checksumCopyLimit     largest object whose checksum is stored by a server-side self-copy (S3's CopyObject
 *                              limit is 5 GiB); bigger ones get a sidecar object
 */
public record S3Tuning(
        Duration connectTimeout,
        Duration socketTimeout,
        Duration apiCallAttemptTimeout,
        Duration apiCallTimeout,
        int maxAttempts,
        int maxConnections,
        int partSize,
        long checksumCopyLimit) {
    public static final int MIB = 1024 * 1024;
    public static final long FIVE_GIB = 5L * 1024 * MIB;

    public static final S3Tuning DEFAULT = new S3Tuning(Duration.ofSeconds(5), Duration.ofSeconds(60),
            Duration.ofMinutes(15), Duration.ofMinutes(30), 3, 16, 8 * MIB, FIVE_GIB);

    public S3Tuning {
        if (partSize < PartSizing.MIN_PART || partSize > 512 * MIB) {
            throw new IllegalArgumentException("partSize must be 5 MiB to 512 MiB: " + partSize);
        }
        if (checksumCopyLimit < 0 || checksumCopyLimit > FIVE_GIB) {
            throw new IllegalArgumentException("checksumCopyLimit must be 0 to 5 GiB: " + checksumCopyLimit);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    public S3Tuning withMaxAttempts(int attempts) {
        return new S3Tuning(connectTimeout, socketTimeout, apiCallAttemptTimeout, apiCallTimeout, attempts,
                maxConnections, partSize, checksumCopyLimit);
    }

    public S3Tuning withTimeouts(Duration socket, Duration attempt) {
        return new S3Tuning(connectTimeout, socket, attempt, attempt.multipliedBy(maxAttempts), maxAttempts,
                maxConnections, partSize, checksumCopyLimit);
    }

    public S3Tuning withChecksumCopyLimit(long bytes) {
        return new S3Tuning(connectTimeout, socketTimeout, apiCallAttemptTimeout, apiCallTimeout, maxAttempts,
                maxConnections, partSize, bytes);
    }
}
