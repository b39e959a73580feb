package dev.lifeboat.s3;

import java.time.Duration;

/**
 * A finished upload.
 *
 * @param key       the object key
 * @param bytes     bytes stored (= bytes read from the source)
 * @param sha256    lower-case hex SHA-256 of those bytes
 * @param parts     multipart parts used (1 for a single PUT)
 * @param duration  wall time of the whole upload, metadata included
 */
public record UploadResult(String key, long bytes, String sha256, int parts, Duration duration) {
    /** Throughput in MB/s (10^6 bytes), 0 for an instant upload. */
    public double megabytesPerSecond() {
        double seconds = duration.toNanos() / 1e9;
        return seconds <= 0 ? 0 : bytes / 1e6 / seconds;
    }
}
