package dev.lifeboat.config;

import java.net.URI;
import java.util.Optional;

/**
 * Offsite copies of backups.
 *
 * @param accessKeyId     {@code AWS_ACCESS_KEY_ID} (SDK default chain when unset)
 * @param secretAccessKey {@code AWS_SECRET_ACCESS_KEY}
 * @param region          {@code AWS_REGION}
 * @param endpoint        {@code AWS_ENDPOINT_URL_S3}, for S3-compatible stores (path-style addressing is then used)
 * @param bucket          {@code LIFEBOAT_BACKUP_BUCKET}
 * @param prefix          {@code LIFEBOAT_BACKUP_PREFIX}
 * @param retentionDays   {@code LIFEBOAT_BACKUP_RETENTION_DAYS}
 * @param maxAgeHours     {@code LIFEBOAT_BACKUP_MAX_AGE_HOURS}: backup age beyond which status warns
 */
public record S3Settings(
        Optional<String> accessKeyId,
        Optional<Secret> secretAccessKey,
        Optional<String> region,
        Optional<URI> endpoint,
        Optional<String> bucket,
        String prefix,
        int retentionDays,
        int maxAgeHours) {

    public static final String DEFAULT_PREFIX = "pg-backups/";

    public boolean configured() {
        return bucket.isPresent();
    }
}
